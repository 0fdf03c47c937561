#!/usr/bin/env bash
# Runs the console's container image on podman without any container registry, and checks what
# it does: user, readiness, sign-in, a target on the host, the H2 store on /data, the heap from the
# memory limit, a graceful stop on SIGTERM. See README "Container image".
#
# The base is built here from Debian's mirror (debootstrap + a Java 17 JRE + wget), since
# eclipse-temurin cannot be pulled where no registry is reachable. Run as root, from anywhere:
#   sudo src/test/image/run-image-on-podman.sh
# Needs: podman, runc, debootstrap, curl (apt-get install -y podman runc debootstrap curl).
# Not part of ./mvnw verify: nothing runs it but you.
#
# Environment (all optional):
#   TARGET_URL, TARGET_USERNAME, TARGET_PASSWORD  an engine the container reaches on the host's
#       network; unset: the script starts the demo (./mvnw spring-boot:test-run, a local seekdb)
#   CONSOLE_PORT     where the container's console listens on the host network (18080)
#   DEMO_PORT        the demo console's own port when the script starts it (18090)
#   MEMORY           the container's memory limit (768m)
#   OCI_RUNTIME      runc (crun 1.8 refuses hosts with cgroup v1 plus a cgroup2 mount with a
#                    controller: "cgroups in hybrid mode not supported")
#   BASE_ARCHIVE     the base image as a docker-archive, kept between runs
#                    (~/.cache/ob-session-console/image-base/obsc-base-bookworm.tar); REBUILD_BASE=1 remakes it
#   DEBIAN_MIRROR    http://deb.debian.org/debian
#   KEEP=1           leave the container, volume and images behind for a look
set -euo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
console_port=${CONSOLE_PORT:-18080}
demo_port=${DEMO_PORT:-18090}
memory=${MEMORY:-768m}
runtime=${OCI_RUNTIME:-runc}
base_archive=${BASE_ARCHIVE:-$HOME/.cache/ob-session-console/image-base/obsc-base-bookworm.tar}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
base_tag=localhost/obsc-base:bookworm
run_id=obsc-check-$$
work=$(mktemp -d /tmp/obsc-image.XXXXXX)
admin_password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
demo_pid=

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# podman as root raises RLIMIT_NOFILE/NPROC by default; without CAP_SYS_RESOURCE (as in a sandbox
# or a VM agent's shell) the runtime's setrlimit fails with "Operation not permitted", so ask for
# no more than this shell has.
podman_run() {
	podman --runtime "$runtime" run --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096 "$@"
}

cleanup() {
	set +e
	if [[ ${KEEP:-0} != 1 ]]; then
		podman rm -f "$run_id" >/dev/null 2>&1
		podman volume rm -f "$run_id-data" >/dev/null 2>&1
		[[ -n ${image:-} ]] && podman rmi -f "$image" >/dev/null 2>&1
		podman rmi -f "$base_tag" >/dev/null 2>&1
	fi
	if [[ -n $demo_pid ]]; then
		# SIGTERM, not SIGINT: bash starts a background job with SIGINT ignored, and a JVM keeps it
		# ignored. On SIGTERM the demo, too, stops seekdb and deletes its data directory.
		kill -TERM -- "-$demo_pid" 2>/dev/null
		for _ in $(seq 1 30); do kill -0 "$demo_pid" 2>/dev/null || break; sleep 1; done
	fi
	rm -rf "$work"
}
trap cleanup EXIT

[[ $(id -u) == 0 ]] || fail "run as root (podman with cgroup limits, debootstrap)"
for tool in podman "$runtime" debootstrap curl; do
	command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install -y podman runc debootstrap curl"
done

say "1. Base image: Debian bookworm minbase + openjdk-17-jre-headless + wget, no registry"
if [[ ! -f $base_archive || ${REBUILD_BASE:-0} == 1 ]]; then
	mkdir -p "$(dirname "$base_archive")"
	debootstrap --variant=minbase --include=openjdk-17-jre-headless,wget,ca-certificates \
		bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
		|| { tail -20 "$work/debootstrap.log"; fail "debootstrap from $mirror"; }
	rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
	# An imported tree has no environment: PATH is what lets Jib's entrypoint name plain `java`.
	tar -C "$work/rootfs" -c . | podman import -q \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$base_tag" >/dev/null
	rm -rf "$work/rootfs"
	# Jib reads a `tar://` base in `docker save` form.
	rm -f "$base_archive"
	podman save -q --format docker-archive -o "$base_archive" "$base_tag" >/dev/null
else
	podman load -q -i "$base_archive" >/dev/null
fi
jre=$(podman_run --rm "$base_tag" java -version 2>&1)
echo "${jre%%$'\n'*}"

say "2. The console's image on that base (Jib)"
(cd "$repo" && ./mvnw -q -Pimage package -DskipTests "-Djib.from.image=tar://$base_archive")
image=$(podman load -q -i "$repo/target/jib-image.tar" | sed -n 's/^Loaded image: //p' | tail -1)
[[ -n $image ]] || fail "podman load named no image"
podman inspect "$image" --format 'user={{.Config.User}} entrypoint={{join .Config.Entrypoint " "}}'

say "3. A target on the host"
if [[ -n ${TARGET_URL:-} ]]; then
	target_url=$TARGET_URL target_username=${TARGET_USERNAME:-root} target_password=${TARGET_PASSWORD:-}
else
	# A process group of its own (setsid execs bash, which execs Maven), so that cleanup's SIGINT
	# reaches Maven's forked JVM too.
	SERVER_PORT=$demo_port setsid bash -c 'cd "$1" && exec ./mvnw -q spring-boot:test-run' _ "$repo" \
		>"$work/demo.log" 2>&1 &
	demo_pid=$!
	for _ in $(seq 1 600); do
		grep -q 'Started DemoConsoleApplication' "$work/demo.log" && break
		kill -0 "$demo_pid" 2>/dev/null || { tail -30 "$work/demo.log"; fail "the demo stopped"; }
		sleep 1
	done
	seekdb=$(sed -n 's/^seekdb answers on \([0-9.:]*\) .*/\1/p' "$work/demo.log")
	[[ -n $seekdb ]] || { tail -30 "$work/demo.log"; fail "the demo printed no seekdb address"; }
	target_url="jdbc:mysql://$seekdb/oceanbase" target_username=root target_password=
fi
echo "target $target_url"

say "4. Run it: --memory $memory, /config mounted, /data a volume, host network"
hash=$(printf '%s\n' "$admin_password" | podman_run --rm -i --entrypoint java "$image" \
	-cp @/app/jib-classpath-file com.obconsole.security.HashPassword)
mkdir -p "$work/config"
cat >"$work/config/application.yml" <<EOF
server:
  port: $console_port
console:
  security:
    users:
      - username: admin
        password-hash: '$hash'
        roles: ADMIN
  targets:
    - name: host-target
      url: $target_url
      username: $target_username
      password: '$target_password'
EOF
chmod -R a+rX "$work/config"
podman volume create "$run_id-data" >/dev/null
started=$(date +%s%N)
podman_run -d --name "$run_id" --memory "$memory" --network=host \
	-v "$work/config:/config:ro" -v "$run_id-data:/data" "$image" >/dev/null
base=http://127.0.0.1:$console_port
ready=
for _ in $(seq 1 240); do
	ready=$(curl -s "$base/actuator/health/readiness" || true)
	[[ $ready == *UP* ]] && break
	podman inspect "$run_id" --format '{{.State.Running}}' | grep -q true || { podman logs "$run_id" | tail -30; fail "the console stopped"; }
	sleep 0.5
done
[[ $ready == *UP* ]] || { podman logs "$run_id" | tail -30; fail "readiness: $ready"; }
echo "readiness $ready after $(( ($(date +%s%N) - started) / 1000000 )) ms; $(podman logs "$run_id" 2>&1 | grep -o 'Started SessionConsoleApplication in [0-9.]* seconds')"

say "5. Checks"
who=$(podman exec "$run_id" id)
echo "user: $who"
[[ $who == uid=10001* ]] || fail "not uid 10001"
podman exec "$run_id" wget -q -O /dev/null "http://127.0.0.1:$console_port/actuator/health/liveness" \
	|| fail "the image's wget health check"
echo "wget health check (as compose's HEALTHCHECK): ok"
code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:wrong "$base/api/targets")
[[ $code == 401 ]] || fail "a wrong password answered $code"
targets=$(curl -sf -u "admin:$admin_password" "$base/api/targets")
echo "GET /api/targets: $targets"
[[ $targets == *'"reachable":true'* ]] || fail "the target is not reachable"
echo "sessions: $(curl -sf -u "admin:$admin_password" "$base/api/targets/host-target/sessions" | grep -o '"total":[0-9]*')"
store=$(podman exec "$run_id" ls -ln /data)
echo "$store"
[[ $store == *' 10001 10001 '*console.mv.db* ]] || fail "no H2 store written by uid 10001 under /data"
heap=$(curl -sf -u "admin:$admin_password" "$base/actuator/metrics/jvm.memory.max?tag=area:heap" | grep -o '"value":[0-9.E]*')
flags=$(podman exec "$run_id" java -XX:MaxRAMPercentage=75 -XX:+PrintFlagsFinal -version 2>/dev/null | grep -E ' (MaxHeapSize|UseSerialGC|UseG1GC) ' | awk '{print $2 "=" $4}' | tr '\n' ' ')
limit=$(podman exec "$run_id" sh -c 'cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes')
echo "memory limit $limit; entrypoint's flags give $flags; actuator jvm.memory.max{area=heap} $heap"
max_heap=$(sed -n 's/.*MaxHeapSize=\([0-9]*\).*/\1/p' <<<"$flags")
(( max_heap == limit * 3 / 4 )) || fail "MaxHeapSize $max_heap is not 75 % of $limit"
echo "memory in use: $(podman stats --no-stream --format '{{.MemUsage}}' "$run_id")"

say "6. podman stop (SIGTERM)"
stop_from=$(date +%s%N)
podman stop -t 70 "$run_id" >/dev/null
echo "stopped in $(( ($(date +%s%N) - stop_from) / 1000000 )) ms; $(podman inspect "$run_id" --format 'exit code {{.State.ExitCode}}, OOM-killed {{.State.OOMKilled}}')"
podman logs "$run_id" 2>&1 | grep -E 'GracefulShutdown|Shutdown completed' || fail "no graceful shutdown in the log"
podman logs "$run_id" 2>&1 | grep -q 'Graceful shutdown complete' || fail "graceful shutdown did not complete"
# 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal; SIGKILL would be 137.
[[ $(podman inspect "$run_id" --format '{{.State.ExitCode}}') == 143 ]] || fail "exit code is not 143"

say "All checks passed"
