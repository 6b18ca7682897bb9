#!/bin/bash
# Corpus mode over many machines with GNU parallel --sshlogin
# (docs/corpus-mode.md, "Running on many machines"): two sshd instances of
# our own on loopback ports stand for two hosts sharing the filesystem;
# parallel --pipe --keep-order spreads blocks of a JSONL corpus over both,
# and the output must be byte-identical to one local process. Nothing of
# the system's sshd or of ~/.ssh is used or changed: the daemons, keys,
# configuration and logs live in a temporary directory removed on exit.
#   tests/corpus-hosts.sh VNLINT
set -u
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8
SSHD=/usr/sbin/sshd # sshd re-executes itself: it needs an absolute path
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
t0=$(date +%s)

for tool in "$SSHD" ssh ssh-keygen parallel sha256sum; do
	if ! command -v "$tool" >/dev/null; then
		echo "FAIL: $tool is not installed (scripts/deps.sh installs it)"
		echo "hosts: 0 passed, 1 failed"
		exit 1
	fi
done

tmp=$(mktemp -d)
pids="" # what this test started in the background: sshd, parallel
tree() { # PID: the process and its descendants, children first
	local c
	for c in $(pgrep -P "$1"); do tree "$c"; done
	echo "$1"
}
cleanup() {
	local p all=""
	for p in $pids; do all="$all $(tree "$p")"; done
	# shellcheck disable=SC2086
	[ -n "${all// /}" ] && kill $all 2>/dev/null
	for p in $pids; do wait "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
chmod 700 "$tmp"

# A privileged sshd wants its privilege separation directory (the package
# makes it at boot through systemd-tmpfiles, which a container may lack).
# It is left in place: it is the system's, and empty.
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd && chmod 755 /run/sshd

ssh-keygen -q -t ed25519 -N '' -C vnlint-test-host -f "$tmp/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -C vnlint-test-user -f "$tmp/user_key" || exit 1
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
user=$(id -un)

# start_host NAME: an sshd of our own on a free loopback port; a port
# taken by someone else (another run of this test) makes sshd fail to
# bind, and another random port is tried. Sessions get an empty HOME (the
# working directory stays the user's home): the login shell then reads
# no ~/.bashrc of this machine, as on a clean worker, where one that runs
# `pyenv init` cost two seconds a job.
start_host() {
	local name=$1 port pid
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		cat >"$tmp/$name.sshd_config" <<EOF
ListenAddress 127.0.0.1:$port
HostKey $tmp/host_key
PidFile none
AuthorizedKeysFile $tmp/authorized_keys
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PrintMotd no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
MaxStartups 100:30:200
LogLevel VERBOSE
SetEnv HOME=$tmp/home
EOF
		: >"$tmp/$name.log"
		"$SSHD" -D -f "$tmp/$name.sshd_config" -E "$tmp/$name.log" &
		pid=$!
		pids="$pids $pid"
		for _ in $(seq 100); do
			if grep -q "Server listening on 127.0.0.1 port $port" "$tmp/$name.log"; then
				cat >>"$tmp/ssh_config" <<EOF
Host $name
	HostName 127.0.0.1
	Port $port
	User $user
	HostKeyAlias vnlint-test-host
EOF
				echo "$name: sshd $pid on 127.0.0.1:$port"
				return 0
			fi
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pids=${pids% "$pid"}
	done
	echo "FAIL: sshd for $name did not start; its last log:"
	cat "$tmp/$name.log"
	return 1
}

echo "vnlint-test-host $(cat "$tmp/host_key.pub")" >"$tmp/known_hosts"
: >"$tmp/ssh_config"
start_host vnhost1 || exit 1
start_host vnhost2 || exit 1
cat >>"$tmp/ssh_config" <<EOF
Host *
	IdentityFile $tmp/user_key
	IdentitiesOnly yes
	IdentityAgent none
	BatchMode yes
	StrictHostKeyChecking yes
	UserKnownHostsFile $tmp/known_hosts
	GlobalKnownHostsFile /dev/null
	ControlMaster no
	ControlPath none
	LogLevel ERROR
EOF
SSH="ssh -F $tmp/ssh_config"

# Both hosts answer.
for h in vnhost1 vnhost2; do
	out=$(timeout 20 ssh -F "$tmp/ssh_config" "$h" echo ready </dev/null 2>"$tmp/ssh.err")
	[ "$out" = ready ] && ok || bad "ssh $h: '$out' $(cat "$tmp/ssh.err")"
done

# The corpus (about 400 KB) and the reference: one local process.
python3 "$here/corpus-input.py" "$tmp/in.jsonl" 400000
lines=$(wc -l <"$tmp/in.jsonl")
"$V" --corpus --no-config <"$tmp/in.jsonl" >"$tmp/one.out" || bad "one process: exit $?"
[ "$(wc -l <"$tmp/one.out")" = "$lines" ] && ok ||
	bad "one process: $(wc -l <"$tmp/one.out") records for $lines lines"

# The tested recipe: blocks of whole lines over both hosts, one job slot
# on each ("1/"), outputs in input order. The remote command runs in the
# remote home directory, so --no-config keeps a .vnlint.ini there out.
# In the background so that a signal to this script is handled at once.
timeout 120 parallel --will-cite --ssh "$SSH" -S 1/vnhost1,1/vnhost2 \
	--pipe --block 64k --keep-order --joblog "$tmp/joblog" \
	"$V" --corpus --no-config <"$tmp/in.jsonl" >"$tmp/hosts.out" 2>"$tmp/parallel.err" &
pids="$pids $!"
wait $!
rc=$?
[ $rc = 0 ] && ok || { bad "parallel -S: exit $rc"; head -n 20 "$tmp/parallel.err"; }
one=$(sha256sum <"$tmp/one.out" | cut -d' ' -f1)
many=$(sha256sum <"$tmp/hosts.out" | cut -d' ' -f1)
if [ "$one" = "$many" ]; then
	ok
else
	bad "sha256 over two hosts $many, one process $one"
fi

# Both hosts did work: the job log names the sshlogin of every job, and
# each sshd logged the logins it accepted.
jobs=$(awk -F'\t' 'NR > 1' "$tmp/joblog" | wc -l)
bad_jobs=$(awk -F'\t' 'NR > 1 && $7 != 0' "$tmp/joblog" | wc -l)
[ "$jobs" -ge 2 ] && [ "$bad_jobs" = 0 ] && ok ||
	bad "joblog: $jobs jobs, $bad_jobs failed"
summary=""
for h in vnhost1 vnhost2; do
	n=$(awk -F'\t' -v h="$h" 'NR > 1 && $2 ~ h' "$tmp/joblog" | wc -l)
	logins=$(grep -c "Accepted publickey for $user from 127.0.0.1" "$tmp/$h.log")
	sessions=$(grep -c "Starting session: command for $user" "$tmp/$h.log")
	summary="$summary $h: $n jobs, $logins logins, $sessions commands;"
	[ "$n" -gt 0 ] && ok || bad "$h ran no job (joblog)"
	# one login and one command for the readiness check, one per job
	[ "$logins" -gt "$n" ] && [ "$sessions" -gt "$n" ] && ok ||
		bad "$h: sshd logged $logins logins, $sessions commands for $n jobs"
done

echo "hosts: sha256 $many, $lines lines;$summary $(($(date +%s) - t0)) s"
echo "hosts: $pass passed, $fail failed"
[ "$fail" = 0 ]
