import multiprocessing

bind = "0.0.0.0:8000"
workers = 2
timeout = 120  # slow report endpoints
forwarded_allow_ips = "*"
threads = multiprocessing.cpu_count()
accesslog = "/var/log/gunicorn/access.log"
pidfile = "/run/gunicorn.pid"
