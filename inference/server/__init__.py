"""Cairn as a local OpenAI-compatible server (`cairn serve`, and the GUI's "Local API server").

Built on starlette + uvicorn: no HTTP parsing of our own. The pieces, one job each:
  token.py     the bearer token (keychain, CAIRN_API_TOKEN, constant-time comparison)
  defences.py  ASGI middleware: Host allow-list, Origin / Sec-Fetch-Site, CORS, token, body size
  requests.py  an OpenAI chat / embeddings body -> our GenerationRequest (media checked, nothing fetched)
  responses.py our Chunks -> OpenAI JSON and SSE shapes, stop strings, errors
  jobs.py      the one engine thread and the bounded FIFO queue in front of it
  app.py       the starlette application (routes)
  run.py       uvicorn on a socket we bind, stopping at once on SIGINT / SIGTERM
"""
