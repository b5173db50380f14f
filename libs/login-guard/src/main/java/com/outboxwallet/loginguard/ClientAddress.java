package com.outboxwallet.loginguard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Who a login comes from, as the throttle counts it: an IPv4 address as it is, an IPv6 address by its /64. */
public final class ClientAddress {

    private ClientAddress() {}

    /** One subscriber usually holds a whole IPv6 /64: counting by address would give it 2^64 fresh counters. */
    public static String of(@Nullable String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
