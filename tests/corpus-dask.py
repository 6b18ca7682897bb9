#!/usr/bin/python3
"""Corpus mode under Dask (docs/corpus-mode.md, "Running on many
machines"): a LocalCluster of two worker processes cuts a JSONL corpus
into byte blocks at line ends, pipes each block through one
`vnlint --corpus` subprocess on a worker, writes one output file per
block, and the files concatenated in order must be byte-identical to one
process. Debian's python3-distributed; run it with /usr/bin/python3 (a
python3 earlier on PATH may not see Debian's modules).
    tests/corpus-dask.py VNLINT"""
import atexit
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
VNLINT = os.path.abspath(sys.argv[1])
passed = failed = 0
tmp = None


@atexit.register
def remove_tmp():
    """Registered before dask is imported, so it runs after distributed's
    own exit handler has closed a cluster that an error or SIGTERM left
    open (exit handlers run last registered first)."""
    for _ in range(20):
        if tmp is None or not os.path.exists(tmp):
            return
        shutil.rmtree(tmp, ignore_errors=True)
        time.sleep(0.1)


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


try:
    import dask
    from dask.bytes import read_bytes
    from dask.distributed import Client, LocalCluster, get_task_stream, wait
except ImportError as e:
    print(f"FAIL: {e} (scripts/deps.sh installs python3-distributed; "
          f"run this with /usr/bin/python3, not {sys.executable})")
    print("dask: 0 passed, 1 failed")
    sys.exit(1)


# --- the recipe of docs/corpus-mode.md --------------------------------
def vnlint(block: bytes) -> bytes:
    """One vnlint process per block: one record per line, in order."""
    return subprocess.run([VNLINT, "--corpus", "--no-config"], input=block,
                          stdout=subprocess.PIPE, check=True).stdout


def save(records: bytes, path: str) -> str:
    with open(path, "wb") as f:
        f.write(records)
    return path


def lint_files(urlpath, outdir, blocksize):
    """Delayed paths of the output files, one per block, in input order."""
    _, blocks = read_bytes(urlpath, delimiter=b"\n", blocksize=blocksize)
    blocks = [b for per_file in blocks for b in per_file]
    return [dask.delayed(save)(dask.delayed(vnlint)(b),
                               os.path.join(outdir, f"{i:06d}.jsonl"))
            for i, b in enumerate(blocks)]
# ----------------------------------------------------------------------


def main(tmp):
    t0 = time.time()
    src = os.path.join(tmp, "in.jsonl")
    subprocess.run([sys.executable, os.path.join(here, "corpus-input.py"),
                    src, "400000"], check=True)
    data = open(src, "rb").read()
    one = subprocess.run([VNLINT, "--corpus", "--no-config"], input=data,
                         stdout=subprocess.PIPE, check=True).stdout
    nl = b"\n"
    check(one.count(nl) == data.count(nl),
          f"one process: {one.count(nl)} records for {data.count(nl)} lines")

    outdir = os.path.join(tmp, "out")
    os.mkdir(outdir)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, scheduler_port=0,
                      local_directory=os.path.join(tmp, "dask"),
                      silence_logs=40) as cluster, Client(cluster) as client:
        with get_task_stream(client) as ts:
            futures = client.compute(lint_files(src, outdir, 48_000))
            wait(futures, timeout=120)
            paths = client.gather(futures)
        # which workers ran vnlint (the task stream is read on leaving)
        workers = {t["worker"] for t in ts.data
                   if str(t["key"]).startswith("vnlint-")}
        nworkers = len(cluster.workers)

    many = b"".join(open(p, "rb").read() for p in paths)
    check(len(paths) > 4, f"{len(paths)} partitions")
    check(paths == sorted(paths), "output files out of order")
    h1 = hashlib.sha256(one).hexdigest()
    h2 = hashlib.sha256(many).hexdigest()
    check(h1 == h2, f"sha256 over dask {h2}, one process {h1}")
    check(nworkers == 2 and len(workers) == 2,
          f"vnlint ran on {len(workers)} of {nworkers} workers")
    print(f"dask: sha256 {h2}, {len(paths)} partitions on {len(workers)} "
          f"workers, {time.time() - t0:.0f} s")


def terminated(signum, frame):
    sys.exit(128 + signum)  # unwinds: the cluster closes, then remove_tmp


def run():
    global tmp
    signal.signal(signal.SIGTERM, terminated)
    tmp = tempfile.mkdtemp(prefix="vnlint-dask.")
    try:
        main(tmp)
    except Exception as e:  # a cluster that cannot start is a failure
        check(False, f"{type(e).__name__}: {e}")
    print(f"dask: {passed} passed, {failed} failed")
    return failed != 0


# The workers are started by multiprocessing's "spawn", which imports
# this file again in each of them: only the first run may do anything.
if __name__ == "__main__":
    sys.exit(run())
