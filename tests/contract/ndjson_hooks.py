"""Schemathesis hooks for scripts/contract.sh: sends a sync run's NDJSON body (a string in the
schema) as its bytes, as a client streaming it would."""

import schemathesis


@schemathesis.serializer("application/x-ndjson")
class NdjsonSerializer:
    def as_requests(self, context, value):
        return {"data": str(value).encode("utf-8")}

    def as_werkzeug(self, context, value):
        return {"data": str(value).encode("utf-8")}
