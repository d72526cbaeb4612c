"""The floor of registry.check: a bare FastAPI endpoint returning a constant, served as the
registry is (one uvicorn process on loopback, a sync route run in the thread pool)."""

import sys

import fastapi
import uvicorn

app = fastapi.FastAPI()


@app.get("/v1/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/v1/checks/reference")
def constant() -> dict[str, object]:
    return {"valid": False, "message": "Aucune procuration valide", "valid_until": None}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
