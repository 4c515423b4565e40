# Shared shell functions for s3x's scripts: installing what the project needs and running the
# AWS emulator (moto in server mode) on loopback. Source it; do not run it.

S3X_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
S3X_VENV="$S3X_ROOT/.venv"
# The emulator version every script, test and benchmark uses.
S3X_MOTO_VERSION="5.2.5"

s3x_log() { printf '==> %s\n' "$*" >&2; }

# How the release binary is built, as people run it:
# - the Swift runtime and Foundation are linked statically: the process maps only what it uses;
# - lld lays out the functions in the order of scripts/release/s3x.order (scripts/gen-order
#   writes it from profiles), with each of s3x's own functions in a section of its own so that it
#   can be placed: the code a run touches then fills few pages, not the whole text;
# - relative relocations are packed (DT_RELR): 76,000 of them otherwise take 1.8 MB of the file,
#   all read at start-up.
# docs/benchmarks.md has what each saves in memory and start-up.
S3X_RELEASE_FLAGS=(
    -c release --static-swift-stdlib
    -Xswiftc -use-ld=lld
    -Xswiftc -Xfrontend -Xswiftc -function-sections
    -Xlinker --symbol-ordering-file="$S3X_ROOT/scripts/release/s3x.order" -Xlinker --no-warn-symbol-ordering
    -Xlinker -z -Xlinker pack-relative-relocs
)

# Builds the release binary and prints its path. Build errors are shown; the static linker's
# warnings about Foundation's own code are not.
s3x_build_release() {
    local log
    log=$(mktemp -t s3x-build.XXXXXX)
    if ! swift build "${S3X_RELEASE_FLAGS[@]}" --product s3x >"$log" 2>&1; then
        grep -E 'error' "$log" >&2 || cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
    echo "$(swift build "${S3X_RELEASE_FLAGS[@]}" --show-bin-path)/s3x"
}

# Installs the Debian packages the build and the emulator need, and any named, when missing.
s3x_install_packages() {
    local wanted=(libedit-dev libcurl4-openssl-dev libssl-dev pkg-config python3 python3-venv tmux openssl "$@")
    local missing=()
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    s3x_log "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Creates the project's virtual environment with the pinned emulator, once.
s3x_install_venv() {
    if [ -x "$S3X_VENV/bin/moto_server" ] && \
        "$S3X_VENV/bin/python" -c "import moto,sys; sys.exit(moto.__version__ != '$S3X_MOTO_VERSION')" 2>/dev/null; then
        return 0
    fi
    s3x_log "installing moto[server]==$S3X_MOTO_VERSION into $S3X_VENV"
    python3 -m venv "$S3X_VENV"
    "$S3X_VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$S3X_MOTO_VERSION"
}

# Prints a free TCP port on 127.0.0.1.
s3x_free_port() {
    "$S3X_VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts moto on 127.0.0.1 and a free port; sets S3X_MOTO_URL and S3X_MOTO_PID. The caller
# arranges `s3x_stop_moto` on exit (see s3x_start_moto_with_trap).
s3x_start_moto() {
    local port
    port=$(s3x_free_port)
    local log="${S3X_MOTO_LOG:-$(mktemp -t s3x-moto.XXXXXX.log)}"
    "$S3X_VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
    S3X_MOTO_PID=$!
    S3X_MOTO_URL="http://127.0.0.1:$port"
    export S3X_MOTO_URL S3X_MOTO_PID
    # Poll for readiness instead of sleeping a fixed time.
    for _ in $(seq 1 200); do
        if "$S3X_VENV/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
            "$S3X_MOTO_URL/moto-api/" 2>/dev/null; then
            s3x_log "moto $S3X_MOTO_VERSION listening on $S3X_MOTO_URL (log: $log)"
            return 0
        fi
        kill -0 "$S3X_MOTO_PID" 2>/dev/null || break
        sleep 0.05
    done
    s3x_log "moto did not start; its log follows"
    cat "$log" >&2
    return 1
}

# Stops every emulator this script started.
s3x_stop_moto() {
    local pid
    for pid in ${S3X_MOTO_PID:-} ${S3X_MORE_MOTO_PIDS:-}; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    S3X_MOTO_PID=""
    S3X_MORE_MOTO_PIDS=""
}

# Starts moto and stops it when the calling script exits, even on failure.
s3x_start_moto_with_trap() {
    trap s3x_stop_moto EXIT
    trap 'exit 130' INT TERM
    s3x_start_moto
}

# Prepares the emulator's accounts (admin user, secondary admin roles), turns request
# authentication on, and writes AWS config files under $1. Extra arguments go to prepare.py.
s3x_prepare_accounts() {
    local home=$1
    shift
    "$S3X_VENV/bin/python" "$S3X_ROOT/scripts/emulator/prepare.py" --endpoint "$S3X_MOTO_URL" --out "$home" "$@"
}

# Starts the two emulators the tests use, stopped when the calling script exits, and exports
# where their accounts are described: the shared one every integration test uses
# (S3X_TEST_ACCOUNTS), and a private one for the tutorial's check alone (S3X_TUTORIAL_ACCOUNTS),
# since docs/tutorial.md shows a first run in fresh accounts under the vendor's names.
s3x_start_test_emulators() {
    s3x_start_moto_with_trap
    local shared tutorial shared_url=$S3X_MOTO_URL shared_pid=$S3X_MOTO_PID
    shared=$(mktemp -d -t s3x-test-home.XXXXXX)
    s3x_prepare_accounts "$shared" --secondaries 3
    s3x_start_moto
    S3X_MORE_MOTO_PIDS="$S3X_MOTO_PID"
    tutorial=$(mktemp -d -t s3x-tutorial-home.XXXXXX)
    s3x_prepare_accounts "$tutorial" --secondaries 3
    S3X_MOTO_URL=$shared_url
    S3X_MOTO_PID=$shared_pid
    export S3X_MOTO_URL S3X_TEST_ACCOUNTS="$shared/accounts.json" S3X_TUTORIAL_ACCOUNTS="$tutorial/accounts.json"
}
