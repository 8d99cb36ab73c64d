from celery import Celery

celery = Celery("tasks")


@celery.task
def add(x, y):
    return x + y
