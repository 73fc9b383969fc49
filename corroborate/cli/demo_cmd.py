"""``corroborate demo``: the offline demo on the bundled sample corpus, then the page."""

from __future__ import annotations

import json
import os
import signal
import subprocess

import click

from .options import data_dir_option, settings_of


@click.command("demo")
@click.option("--no-page", is_flag=True, help="Build the demo index and exit (for scripts).")
@click.option(
    "--port", type=int, default=None, help="Port of the page (default: the page_port setting)."
)
@click.option("--force", is_flag=True, help="Rebuild the demo index even if it is current.")
@click.option("--json", "as_json", is_flag=True, help="Print what was built as JSON.")
@data_dir_option
@click.pass_context
def demo(ctx: click.Context, no_page: bool, port: int | None, force: bool, as_json: bool) -> None:
    """Serve the sample corpus on 127.0.0.1, ingest and index it, and start the page.

    The sample corpus stays served, on the address the build used, while the page runs.

    Needs no internet. The sample corpus is fictional news written for this demo.
    Re-running reuses the index while the corpus and the models are unchanged.

    Example:
        corroborate demo --data-dir demo-data --no-page
    """
    from tqdm import tqdm

    from ..demo.build import build_demo, corpus_server, page_command

    settings = settings_of(ctx)
    click.echo(
        f"Building the demo index in {settings.data_dir} (models are prepared on first use)…",
        err=True,
    )
    bar = tqdm(total=0, unit="item", desc="ingest", disable=as_json)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    built = build_demo(settings, on_progress=progress, force=force)
    bar.close()
    if as_json:
        click.echo(json.dumps(built.to_dict(), indent=2, ensure_ascii=False))
    else:
        what = "Reused" if built.reused else "Built"
        click.echo(f"{what} the demo index: {built.articles} articles, {built.passages} passages "
                   f"in {built.data_dir}", err=True)
    if no_page:
        return
    cmd = page_command(settings, port=port)
    url = f"http://127.0.0.1:{port or settings.page_port}"
    env = {**os.environ, "CORROBORATE_DATA_DIR": str(settings.data_dir)}
    # the stored headline and feed URLs point at the sample server: it serves while the page runs
    with corpus_server(settings.data_dir) as server:
        click.echo(f"Serving the sample corpus at {server.base_url}", err=True)
        click.echo(f"Starting the page at {url}  (Ctrl-C to stop)", err=True)
        code = run_until_interrupted(cmd, env)
    ctx.exit(code)


def run_until_interrupted(cmd: list[str], env: dict[str, str]) -> int:
    """Run ``cmd`` until it exits, or until Ctrl-C or SIGTERM reach this process (then stop it
    too); returns its exit status."""
    proc = subprocess.Popen(cmd, env=env)

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        if proc.poll() is None:  # Ctrl-C reached the page too; SIGTERM did not
            proc.terminate()
        try:
            return proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)


def register(group: click.Group) -> None:
    group.add_command(demo)
