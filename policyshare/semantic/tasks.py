from django_tasks import task

from . import approximate, store


@task()
def embed_page(page_id: int) -> bool:
    """Embed a published page's passages (the model runs here, in the worker, never in the
    editor's request); True when its text had changed."""
    changed = store.index_page(page_id)
    if changed:
        approximate.refresh()
    return changed


@task()
def refresh_vector_index() -> str:
    """Rebuild the approximate vector index file once enough passages changed (a large site
    only; seconds of work at 100k pages, hence the worker)."""
    return approximate.refresh()
