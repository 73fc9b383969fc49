"""The engine as an HTTP JSON API on Ray Serve: replicas of one engine behind one address.

    GET  /search?claim=…&lang=…&since=…&until=…&k=…   what `corroborate search --json` prints
    GET  /status                                      the store, the index manifest, the replica
    POST /claims   {"text": …, "lang": …, "max": …}   an article's check-worthy claims
    POST /compare  {"claims": [...], "k": …, …}       the outlet × claim matrix
    GET  /openapi.json, /docs                         the API's description

Every replica loads the same data directory (index, encoder, stance model) and batches the
stance requests of the searches it runs at once (``serve.batch``). Ray, Serve and FastAPI are
imported only by :mod:`.app` and :mod:`.run`, which nothing else imports: the default path of
the command line and the page never loads Ray. :mod:`corroborate.remote` is the client.

Example:
    >>> from corroborate.serve.run import serve_forever  # doctest: +SKIP
    >>> serve_forever(Settings.load(), replicas=2, host="127.0.0.1", port=8000)  # doctest: +SKIP
"""
