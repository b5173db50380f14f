# The image of each service, from the repository root:
#   docker build --build-arg SERVICE=api-service    -t outbox-wallet/api-service:local .
#   docker build --build-arg SERVICE=outbox-relay   -t outbox-wallet/outbox-relay:local .
#   docker build --build-arg SERVICE=ledger-service -t outbox-wallet/ledger-service:local .
#   docker build --build-arg SERVICE=payment-simulator -t outbox-wallet/payment-simulator:local .  (a tool: the
#   demonstration stack's payment provider, never deployed to production)
# docker-compose.yml builds the four this way. Layers, cheapest to rebuild last:
#   1. Maven and every dependency and plugin, resolved from the poms alone: rebuilt only when a pom changes, and the
#      same layer for the three services;
#   2. the service's executable jar, built from the sources;
#   3. in the runtime image, that jar extracted into Spring Boot's layers (released dependencies, the loader,
#      snapshot dependencies, the application), so that a code change ships only the application layer.

# Only the poms, at their paths: the dependency layer below depends on nothing else, however often the sources change.
FROM eclipse-temurin:25-jdk AS poms
WORKDIR /src
COPY . .
RUN find . -name pom.xml -not -path '*/target/*' -exec sh -c 'mkdir -p "/poms/$(dirname "$1")" && cp "$1" "/poms/$1"' _ {} \;

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw ./
COPY .mvn/ .mvn/
COPY --from=poms /poms/ ./
# The wrapper's Maven, then every dependency and plugin of the three services and the modules they build on, into
# /root/.m2 in this layer. Declared before ARG SERVICE, so that its value does not invalidate this layer.
RUN ./mvnw -B -q -pl api-service,outbox-relay,ledger-service,tools/payment-simulator -am dependency:go-offline
COPY . .
ARG SERVICE=api-service
# The service and the modules it needs, without tests (the images never run them; ./mvnw -B verify does), then its
# executable jar (<module>/target/<module>-<version>-exec.jar) extracted into its layers with the Spring Boot launcher.
RUN case "$SERVICE" in \
      api-service|outbox-relay|ledger-service) module="$SERVICE" ;; \
      payment-simulator) module=tools/payment-simulator ;; \
      *) echo "SERVICE must be api-service, outbox-relay, ledger-service or payment-simulator, not '$SERVICE'" >&2; \
         exit 1 ;; \
    esac \
 && ./mvnw -B -q -pl "$module" -am -Dmaven.test.skip=true package \
 && java -Djarmode=tools -jar "$module"/target/"$SERVICE"-*-exec.jar extract --layers --launcher --destination /extracted

# Java 25: virtual threads no longer pin their carrier inside synchronized blocks (JEP 491), and it is the JDK
# every benchmark and the fault runs measured.
FROM eclipse-temurin:25-jre
# A fixed uid and gid, so that a mounted private key can be made readable to the service and no one else (README).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 wallet \
 && useradd --uid 10001 --gid wallet --no-create-home --home-dir /app --shell /usr/sbin/nologin wallet
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY deploy/healthcheck /usr/local/bin/healthcheck
ARG SERVICE=api-service
LABEL org.opencontainers.image.title="outbox-wallet ${SERVICE}"
ENV OUTBOX_WALLET_SERVICE=${SERVICE}
USER wallet
# Readiness on the service's own port, over HTTPS when it serves TLS (deploy/healthcheck).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD ["/usr/local/bin/healthcheck"]
# Arguments go to the application: `docker compose run --rm ledger-service reconcile` runs the ledger's command.
# The serial collector, said rather than left to the JVM, which picks it itself below 1,792 MB (docker-compose.yml's
# 768m) and G1 above: a service's live data is tens of megabytes, so a young collection takes milliseconds, and it
# spends no CPU on G1's write barriers and concurrent threads. Measured in one run against G1 (bin/benchmark e2e
# --compare=jvm=-XX:+UseSerialGC, docs/benchmarks.md): about a tenth less CPU per top-up in the api-service.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-cp", "/app", \
            "org.springframework.boot.loader.launch.JarLauncher"]
