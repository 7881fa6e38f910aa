"""For the data migrations that moved the apps' own mail tables into the outbox: the unsent mail
is queued again under the outbox's task, since the waiting tasks name a function that is gone."""


def requeue(apps, old_task_path, mails):
    """Drop the tasks of ``old_task_path`` still waiting and queue each of ``mails`` (outbox rows,
    unsent) for its next attempt."""
    # The running code's task, not a frozen copy: the task queue stores the function's path.
    from .sending import send

    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=old_task_path, status="READY").delete()
    for mail in mails:
        if mail.next_attempt_at and send.get_backend().supports_defer:
            send.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
        else:
            send.enqueue(mail.pk)
