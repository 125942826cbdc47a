# SPDX-License-Identifier: EUPL-1.2
# gunicorn for raadsloket behind nginx on one machine (docs/deployment.md).
# Workers × threads: two per core is a starting point; `make load` (bench/load) measures.
import gc
import multiprocessing

bind = "127.0.0.1:8000"
workers = max(2, multiprocessing.cpu_count())
threads = 4
# Above the longest pause between a browser's requests: a 2-second keep-alive (gunicorn's
# default) made clients meet closed connections under load (bench/load).
keepalive = 30
# A year report PDF takes seconds; nothing else comes near this.
timeout = 60
graceful_timeout = 30
# No request bodies in the access log: it holds paths and status codes only.
accesslog = "-"
errorlog = "-"
loglevel = "info"
forwarded_allow_ips = "127.0.0.1"


def post_worker_init(worker):
    # Django's modules, settings and templates live as long as the worker: frozen, the garbage
    # collector stops walking them on every pass (about 15% of a start page's time, measured
    # with bench/perf, docs/scaling.md).
    gc.freeze()
