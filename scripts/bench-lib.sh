# Shell functions of scripts/bench: tools, timed runs, the delaying proxy, start-up and signing.
# Source it after scripts/lib.sh, with $work (a private temporary folder) and $results set.

# The AWS CLI version the benchmark compares against. AWS CLI v1 pins an exact botocore, which
# would move the boto3 and botocore that moto runs on, so it gets a virtual environment of its own.
S3X_BENCH_AWSCLI_VERSION="1.46.3"
S3X_BENCH_VENV="$S3X_ROOT/bench/.venv"
# How many secondaries s3x sets up at once, in the background block and after it (docs/benchmarks.md
# says why).
S3X_BENCH_JOBS=32

bench_prepare_tools() {
    s3x_install_packages
    s3x_install_venv
    if ! "$S3X_BENCH_VENV/bin/aws" --version 2>&1 | grep -q "aws-cli/$S3X_BENCH_AWSCLI_VERSION "; then
        s3x_log "installing awscli==$S3X_BENCH_AWSCLI_VERSION into $S3X_BENCH_VENV"
        python3 -m venv "$S3X_BENCH_VENV"
        "$S3X_BENCH_VENV/bin/pip" install -q --disable-pip-version-check "awscli==$S3X_BENCH_AWSCLI_VERSION"
    fi
    if [ -n "${S3X_BENCH_BIN:-}" ]; then
        s3x=$S3X_BENCH_BIN
    else
        s3x_log "building s3x (release)"
        s3x=$(s3x_build_release)
    fi
    # The client CPU floor links what s3x links, so that both load the same libraries.
    curl_floor="$S3X_ROOT/.build-bench-floor/curl_floor"
    mkdir -p "$(dirname "$curl_floor")"
    "${CC:-clang}" -O2 -o "$curl_floor" bench/curl_floor.c \
        -Wl,--no-as-needed -lcurl -l:libxml2.so.2 -ledit -lcrypto -lstdc++ -lm
    s3x_log "building the signing benchmark (bench/signing, release)"
    swift build -c release --package-path bench/signing --scratch-path "$S3X_ROOT/.build-bench-signing" >/dev/null
    sign_bench=$(swift build -c release --package-path bench/signing --scratch-path "$S3X_ROOT/.build-bench-signing" \
        --show-bin-path)/SignBench
}

# The number of requests moto has logged so far.
bench_request_count() {
    grep -cE 'HTTP/1\.[01][^"]*" [0-9]{3} ' "$S3X_MOTO_LOG" || true
}

# Fresh emulator state for N secondaries; the AWS config then points at ENDPOINT (moto or proxy).
bench_fresh_accounts() {
    local size=$1 endpoint=$2
    home="$work/home-$size"
    s3x_prepare_accounts "$home" --secondaries "$size" >/dev/null
    sed -i "s#^endpoint_url = .*#endpoint_url = $endpoint#" "$home/config"
    export AWS_CONFIG_FILE="$home/config" AWS_SHARED_CREDENTIALS_FILE="$home/credentials"
    export S3X_HISTORY="$home/history"
    ids=$("$S3X_VENV/bin/python" -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["secondaries"]))' \
        "$home/accounts.json")
}

# The CPU seconds (user+sys) the emulator process has used so far: its own time for the requests
# it served, measured where the floor below is only estimated.
bench_emulator_cpu() {
    awk -v tick="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / tick}' "/proc/$S3X_MOTO_PID/stat"
}

# Runs one tool's setup under bench/measure.py; sets $run_output (stdout, kept in memory only: it
# holds the scanner's secret) and appends a result line after proving the end state.
bench_timed_run() {
    local tool=$1 size=$2 latency=$3
    shift 3
    local before after status=0 emulator_before emulator_after
    before=$(bench_request_count)
    emulator_before=$(bench_emulator_cpu)
    run_output=$("$S3X_VENV/bin/python" bench/measure.py "$work/time" "$@" 2>"$work/stderr") || status=$?
    emulator_after=$(bench_emulator_cpu)
    after=$(bench_request_count)
    if [ $status -ne 0 ]; then
        s3x_log "$tool failed for $size secondaries (exit $status):"
        tail -20 "$work/stderr" >&2
    fi
    local key_id secret
    case "$tool" in
        s3x)
            key_id=$(sed -n 's/^ *access key id: *//p' <<<"$run_output" | head -1)
            secret=$(sed -n 's/^ *secret access key: *//p' <<<"$run_output" | head -1) ;;
        *)
            read -r _ key_id secret <<<"$(grep '^SCANNER_KEY ' <<<"$run_output")" ;;
    esac
    local check=failed
    if [ $status -eq 0 ] && bench_check "$key_id" "$secret"; then check=passed; fi
    read -r wall user sys maxrss <"$work/time"
    printf '{"kind":"%s","tool":"%s","size":%s,"latency_ms":%s,"wall":%s,"user":%s,"sys":%s,"maxrss_kb":%s,"calls":%s,"check":"%s","emulator_cpu":%s}\n' \
        "${BENCH_KIND:-setup}" "$tool" "$size" "$latency" "$wall" "$user" "$sys" "$maxrss" "$((after - before))" "$check" \
        "$(awk -v a="$emulator_before" -v b="$emulator_after" 'BEGIN {printf "%.3f", b - a}')" >>"$results"
    s3x_log "$tool, $size secondaries, +${latency} ms: ${wall}s wall, $((after - before)) calls, check $check"
}

# Proves the end state with `s3x check` and the scanner's key; quiet unless it fails.
bench_check() {
    local key_id=$1 secret=$2
    [ -n "$key_id" ] && [ -n "$secret" ] || { s3x_log "no scanner key in the tool's output"; return 1; }
    # shellcheck disable=SC2086
    examples/generate-setup.sh --check-only $ids >"$work/check.s3x"
    if ! S3X_SCANNER_SECRET_ACCESS_KEY=$secret "$s3x" "$work/check.s3x" "$key_id" >"$work/check.out" 2>&1; then
        grep -E 'FAIL|error' "$work/check.out" | head -20 >&2
        return 1
    fi
}

bench_run_s3x() {  # SIZE LATENCY_MS
    # shellcheck disable=SC2086
    examples/generate-setup.sh --jobs "$S3X_BENCH_JOBS" --no-check $ids >"$work/setup.s3x"
    bench_timed_run s3x "$1" "$2" "$s3x" "$work/setup.s3x"
}

# The client CPU floor for SIZE secondaries: bench/curl_floor sends as many requests as s3x's last
# run made, one at a time, straight to the emulator.
bench_client_floor() {
    local size=$1 calls
    calls=$(tail -1 "$results" | sed -n 's/.*"calls":\([0-9]*\).*/\1/p')
    "$S3X_VENV/bin/python" bench/measure.py "$work/time" "$curl_floor" "$S3X_MOTO_URL" "$calls" \
        || s3x_log "the client floor failed for $size secondaries"
    local wall user sys maxrss
    read -r wall user sys maxrss <"$work/time"
    printf '{"kind":"client_floor","size":%s,"calls":%s,"wall":%s,"user":%s,"sys":%s,"maxrss_kb":%s}\n' \
        "$size" "$calls" "$wall" "$user" "$sys" "$maxrss" >>"$results"
}

bench_run_boto3() {
    bench_timed_run boto3 "$1" "$2" "$S3X_VENV/bin/python" bench/peer_boto3.py "$home/accounts.json"
}

bench_run_awscli() {
    bench_timed_run awscli "$1" "$2" env AWS="$S3X_BENCH_VENV/bin/aws" PYTHON="$S3X_VENV/bin/python" \
        bench/peer_awscli.sh "$home/accounts.json"
}

# One unmeasured setup for 3 secondaries: the emulator loads each service's code on its first
# request to it (S3 and CloudTrail are first used by a setup), and no tool's run should pay for it.
bench_warm_up() {
    bench_fresh_accounts 3 "$S3X_MOTO_URL"
    # shellcheck disable=SC2086
    examples/generate-setup.sh --no-check $ids >"$work/warm-up.s3x"
    "$s3x" "$work/warm-up.s3x" >/dev/null 2>&1 || s3x_log "the warm-up setup failed; the measured runs follow"
}

# The three tools for N secondaries on loopback, then the emulator's time per request.
bench_setup_runs() {
    local size=$1 endpoint=$2
    bench_fresh_accounts "$size" "$endpoint"
    bench_run_s3x "$size" 0
    bench_client_floor "$size"
    bench_fresh_accounts "$size" "$endpoint"
    bench_run_boto3 "$size" 0
    if [ "$size" -le "$cli_max" ]; then
        bench_fresh_accounts "$size" "$endpoint"
        bench_run_awscli "$size" 0
    fi
    local key
    key=$("$S3X_VENV/bin/python" -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a["accessKeyId"], a["secretAccessKey"])' \
        "$home/accounts.json")
    # shellcheck disable=SC2086
    printf '{"kind":"floor","size":%s,%s\n' "$size" \
        "$("$S3X_VENV/bin/python" bench/floor_client.py "$S3X_MOTO_URL" $key 200 | sed 's/^{//')" >>"$results"
}

bench_start_proxy() {
    local delay_ms=$1 port
    port=$(s3x_free_port)
    "$S3X_VENV/bin/python" bench/delay_proxy.py --listen "$port" --upstream "$S3X_MOTO_URL" \
        --delay "$(awk "BEGIN{print $delay_ms/1000}")" >"$work/proxy.log" 2>&1 &
    bench_proxy_pid=$!
    proxy_url="http://127.0.0.1:$port"
    for _ in $(seq 1 100); do
        (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.05
    done
    s3x_log "the delaying proxy did not start"; cat "$work/proxy.log" >&2; return 1
}

bench_stop_proxy() {
    if [ -n "${bench_proxy_pid:-}" ]; then
        kill "$bench_proxy_pid" 2>/dev/null; wait "$bench_proxy_pid" 2>/dev/null || true
        bench_proxy_pid=""
    fi
}

# s3x and the boto3 program behind a proxy adding 100 ms to every request. First, the critical
# path: s3x setting up a single secondary, where no bound on accounts at once and no queue at the
# emulator lengthens the longest chain of calls that must follow one another.
bench_latency_runs() {
    local size=$1
    bench_start_proxy 100
    bench_fresh_accounts 1 "$proxy_url"
    BENCH_KIND=critical_path bench_run_s3x 1 100
    bench_fresh_accounts "$size" "$proxy_url"
    bench_run_s3x "$size" 100
    bench_fresh_accounts "$size" "$proxy_url"
    bench_run_boto3 "$size" 100
    bench_stop_proxy
}

# Median milliseconds of COUNT runs of a command.
bench_median_ms() {
    local count=$1
    shift
    "$S3X_VENV/bin/python" - "$count" "$@" <<'PY'
import statistics, subprocess, sys, time
count, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(count):
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - started) * 1000)
print(f"{statistics.median(times):.2f}")
PY
}

bench_startup() {
    s3x_log "start-up"
    local what
    for what in "s3x --version" "s3x -c 'echo x'" "aws --version"; do
        local ms
        case "$what" in
            "s3x --version") ms=$(bench_median_ms 30 "$s3x" --version) ;;
            "s3x -c 'echo x'") ms=$(bench_median_ms 30 "$s3x" -c 'echo x') ;;
            "aws --version") ms=$(bench_median_ms 10 "$S3X_BENCH_VENV/bin/aws" --version) ;;
        esac
        printf '{"kind":"startup","what":"%s","median_ms":%s}\n' "$what" "$ms" >>"$results"
    done
}

bench_signing() {
    s3x_log "signing"
    printf '{"kind":"signing","tool":"s3x",%s\n' "$("$sign_bench" bench/sign_requests.json 3 | sed 's/^{//')" >>"$results"
    printf '{"kind":"signing","tool":"botocore",%s\n' \
        "$("$S3X_VENV/bin/python" bench/sign_botocore.py bench/sign_requests.json 3 | sed 's/^{//')" >>"$results"
}
