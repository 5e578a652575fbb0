#!/usr/bin/env python3
"""make bench-daemon: push -> review branch latency of the real sparkd (DESIGN.md budget: <= 500 ms median).

Builds a small repository (40 files), starts `sparkd` (release build) watching `main` with one
small recipe (fixup/trailing-whitespace on push), then makes COMMITS commits with the git command
line, one at a time. For each, the latency is the time from `git commit` returning to the review
branch pointing at a commit whose parent is the new tip (read from the ref file every 0.5 ms).
Also reports the daemon's resident memory (budget <= 40 MB idle): 1.5 s after start-up, idle (5 s
after it first gave memory back, which it does once quiet for 2 s: IdleMemory), and idle again
after the commits. Runs once with inotify (`watch: auto`) and once polling only (`watch: polling`,
poll_interval 1 s).
"""
import argparse, os, shutil, signal, statistics, subprocess, sys, tempfile, time

ENV = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com",
           GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], env=ENV, check=True, capture_output=True, text=True).stdout.strip()


def read_ref(repo, name):
    """The branch's commit, from the loose ref file (or packed-refs), without running git."""
    try:
        with open(os.path.join(repo, ".git", "refs", "heads", name)) as f:
            return f.read().strip()
    except FileNotFoundError:
        return None


def parent(repo, commit):
    return git(repo, "rev-parse", commit + "^")


def rss_mb(pid):
    """(resident set, anonymous part): RSS counts the mapped code of the binary and its shared
    libraries; the anonymous part (heap, stacks) is the memory the daemon itself holds."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Anonymous"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("Rss", float("nan")), values.get("Anonymous", float("nan"))


def run(sparkd, mode, commits, work):
    repo = os.path.join(work, f"repo-{mode}")
    os.makedirs(os.path.join(repo, "src"))
    subprocess.run(["git", "init", "-q", "-b", "main", repo], env=ENV, check=True)
    for i in range(40):
        with open(os.path.join(repo, "src", f"file{i}.txt"), "w") as f:
            f.write("".join(f"line {j} of file {i}\n" for j in range(30)))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    state = os.path.join(work, f"state-{mode}")
    config = os.path.join(work, f"sparkd-{mode}.yml")
    with open(config, "w") as f:
        f.write(f"""state_dir: {state}
workers: 2
watch: {{ mode: {mode}, poll_interval: 1 }}
repositories:
  - path: {repo}
    branches: [main]
    recipes:
      - {{ id: fixup/trailing-whitespace, on: [push] }}
""")
    log = open(os.path.join(work, f"sparkd-{mode}.log"), "w")
    daemon = subprocess.Popen([sparkd, "--config", config], stderr=log, env=ENV)
    branch = "spark/fixup-trailing-whitespace"
    socket = os.path.join(state, "sparkd.sock")
    deadline = time.time() + 20
    while not os.path.exists(socket) and time.time() < deadline:
        time.sleep(0.01)
    time.sleep(1.5)
    start_rss = rss_mb(daemon.pid)
    settle(log.name, 1)
    idle_rss = rss_mb(daemon.pid)
    latencies = []
    last = read_ref(repo, branch)
    try:
        for n in range(commits):
            with open(os.path.join(repo, "src", f"file{n % 40}.txt"), "a") as f:
                f.write(f"added line {n} with trailing spaces   \n")
            git(repo, "commit", "-q", "-a", "-m", f"change {n}")
            start = time.perf_counter()
            tip = read_ref(repo, "main")
            checked = last
            while True:
                current = read_ref(repo, branch)
                if current and current != checked:
                    # The time the ref file changed; `git rev-parse` (a few ms) runs after it.
                    seen = time.perf_counter()
                    if parent(repo, current) == tip:
                        break
                    checked = current
                if time.perf_counter() - start > 10:
                    sys.exit(f"no review branch for commit {n} after 10 s; see {log.name}")
                time.sleep(0.0005)
            latencies.append((seen - start) * 1000)
            last = current
            time.sleep(0.2)
        settle(log.name, 2)
        busy_rss = rss_mb(daemon.pid)
    finally:
        daemon.send_signal(signal.SIGTERM)
        status = daemon.wait(timeout=30)
    if status != 0:
        sys.exit(f"sparkd exited {status}; see {log.name}")
    subprocess.run(["git", "-C", repo, "fsck", "--no-progress", "--no-dangling"], env=ENV, check=True)
    return latencies, start_rss, idle_rss, busy_rss


def settle(log_path, times, then=5.0):
    """Waits until the daemon has given memory back `times` times in all (its log says so), then
    `then` seconds of idling more: what stays resident is what the idle daemon keeps using."""
    deadline = time.time() + 30
    while time.time() < deadline:
        with open(log_path) as f:
            if f.read().count("idle: memory given back") >= times:
                break
        time.sleep(0.1)
    else:
        sys.exit(f"sparkd did not go quiet in 30 s; see {log_path}")
    time.sleep(then)


def burst(sparkd, work, repositories=20, commits=10):
    """20 repositories x 10 commits as fast as git makes them: time until every repository's last
    push has its review branch, jobs run, and the daemon's peak memory (VmHWM) and anonymous memory."""
    repos = []
    for i in range(repositories):
        repo = os.path.join(work, f"burst{i}")
        os.makedirs(repo)
        subprocess.run(["git", "init", "-q", "-b", "main", repo], env=ENV, check=True)
        with open(os.path.join(repo, "file.txt"), "w") as f:
            f.write("start  \n")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "start")
        repos.append(repo)
    state = os.path.join(work, "state-burst")
    config = os.path.join(work, "sparkd-burst.yml")
    with open(config, "w") as f:
        f.write(f"state_dir: {state}\nworkers: 2\nrepositories:\n")
        for repo in repos:
            f.write(f"  - path: {repo}\n    recipes:\n      - {{ id: fixup/trailing-whitespace, on: [push] }}\n")
    log = open(os.path.join(work, "sparkd-burst.log"), "w")
    daemon = subprocess.Popen([sparkd, "--config", config], stderr=log, env=ENV)
    branch = "spark/fixup-trailing-whitespace"
    deadline = time.time() + 60
    while not all(read_ref(r, branch) for r in repos):
        if time.time() > deadline:
            sys.exit(f"start-up catch-up did not finish; see {log.name}")
        time.sleep(0.01)
    try:
        start = time.perf_counter()
        for n in range(commits):
            for repo in repos:
                with open(os.path.join(repo, "file.txt"), "w") as f:
                    f.write(f"round {n}  \n")
                git(repo, "commit", "-q", "-a", "-m", f"round {n}")
        pushed = time.perf_counter() - start
        tips = [read_ref(r, "main") for r in repos]
        while not all(read_ref(r, branch) and parent(r, read_ref(r, branch)) == t for r, t in zip(repos, tips)):
            if time.perf_counter() - start > 120:
                sys.exit(f"the burst was not processed in 120 s; see {log.name}")
            time.sleep(0.01)
        done = time.perf_counter() - start
        with open(f"/proc/{daemon.pid}/status") as f:
            peak = next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:"))
        rss, anon = rss_mb(daemon.pid)
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=30)
    jobs = subprocess.run(["sqlite3", os.path.join(state, "jobs.sqlite"),
                           "SELECT state, COUNT(*) FROM jobs GROUP BY state"], capture_output=True, text=True).stdout
    return pushed, done, peak, rss, anon, jobs.strip().replace("\n", ", ").replace("|", ": ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sparkd", required=True)
    parser.add_argument("--commits", type=int, default=30)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="sparkd-bench-daemon-")
    rows = []
    try:
        for mode in ["auto", "polling"]:
            latencies, started, idle, busy = run(args.sparkd, mode, args.commits, work)
            latencies.sort()
            p90 = latencies[int(0.9 * (len(latencies) - 1))]
            rows.append((mode, statistics.median(latencies), p90, latencies[0], latencies[-1], started, idle, busy))
        burst_result = burst(args.sparkd, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"push -> review branch, {args.commits} commits each, small repository (40 files), fixup/trailing-whitespace")
    print(f"| watch | median | p90 | min | max | RSS (anonymous): 1.5 s after start | idle | idle after the commits |")
    print(f"|---|---|---|---|---|---|---|---|")
    for mode, median, p90, low, high, started, idle, busy in rows:
        name = "inotify (auto)" if mode == "auto" else "polling, 1 s"
        print(f"| {name} | {median:.1f} ms | {p90:.1f} ms | {low:.1f} ms | {high:.1f} ms "
              f"| {started[0]:.1f} MB ({started[1]:.1f} MB) | {idle[0]:.1f} MB ({idle[1]:.1f} MB) | {busy[0]:.1f} MB ({busy[1]:.1f} MB) |")
    pushed, done, peak, rss, anon, jobs = burst_result
    print()
    print(f"burst: 20 repositories x 10 commits made in {pushed:.2f} s; every last push on its review branch "
          f"{done:.2f} s after the first commit; jobs: {jobs}; peak RSS {peak:.1f} MB, after {rss:.1f} MB ({anon:.1f} MB anonymous)")


if __name__ == "__main__":
    main()
