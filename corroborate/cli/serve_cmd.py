"""``corroborate serve``: the engine as an HTTP JSON API on Ray Serve (see corroborate.serve)."""

from __future__ import annotations

import click

from .options import data_dir_option, settings_of


@click.command("serve")
@click.option("--replicas", type=click.IntRange(min=1), default=1, show_default=True,
              help="Copies of the engine answering requests (each loads the index and models).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--cpus-per-replica", type=click.FloatRange(min=0.01), default=1.0,
              show_default=True, help="Ray CPUs each replica asks for (fractions allowed).")
@data_dir_option
@click.pass_context
def serve_command(ctx: click.Context, replicas: int, host: str, port: int,
                  cpus_per_replica: float) -> None:
    """Serve search, claims and compare as an HTTP JSON API until Ctrl-C.

    Uses the Ray cluster of ray_address (CORROBORATE_RAY_ADDRESS; empty: a local one). Point
    the command line and the page at it with CORROBORATE_ENGINE_URL. The API is described at
    /openapi.json and /docs.

    Example:

    \b
        corroborate serve --replicas 2 --port 8000
        curl 'http://127.0.0.1:8000/search?claim=ISIS+claimed+the+Kerman+bombings&k=3'
    """
    from ..serve.run import serve_forever

    def ready(url: str) -> None:
        click.echo(f"serving {url} ({replicas} replica{'s' * (replicas != 1)}; API at "
                   f"{url}/docs); Ctrl-C stops", err=True)

    serve_forever(settings_of(ctx), on_ready=ready, replicas=replicas, host=host, port=port,
                  cpus_per_replica=cpus_per_replica)
    click.echo("stopped", err=True)


def register(group: click.Group) -> None:
    group.add_command(serve_command)
