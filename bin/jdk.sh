# shellcheck shell=bash
# Sourced by ./run-local and .ci/run: exports JAVA_HOME as a JDK 21 or newer.
# Order: $JAVA_HOME if it qualifies, then Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64, then the javac on PATH.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}

choose_jdk() {
  local on_path="" candidate major
  if command -v javac >/dev/null 2>&1; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 "$on_path"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/temurin-25-jdk-amd64 and the javac on PATH)." >&2
  echo "       Install a JDK 21+ (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}
