"""CAMB.AI's "Get Dubbed Output in Alt Format" endpoint, served by FastAPI the way the published service is built.

The models are those of the repository's openapi.yaml, written as pydantic models, so that a client meets the real
thing: pydantic's validation errors (with the `input`, `ctx` and `url` fields the document does not declare, and
the generated `loc` entries of union members), FastAPI's own answer to a missing `x-api-key`, and both 200 shapes.

What the stub decides (the only invented part):
- x-api-key `sk-test-valid` is accepted; another key is 403 {"detail": "Invalid API key"};
- run 404 does not exist: 404 {"detail": "Run 404 not found"};
- run ids below 1000 have been exported: 200 {"output_url": "https://storage.camb.test/<run>/<language>.<format>"};
- other run ids start an export: 200 {"task_id": "export-<run>-<language>-<format>"}.

Run with `python3 app.py`: it listens on an ephemeral port of 127.0.0.1, prints `PORT <n>` on a line of its own
once the socket listens, and exits when its standard input closes (so that it never outlives the test that
started it).
"""

import os
import socket
import sys
import threading
from enum import Enum, IntEnum
from typing import Optional, Union

import uvicorn
from fastapi import Depends, FastAPI, HTTPException, Path
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field

# components/schemas/Languages: the integer ids 1-136 and 139-150 (137 and 138 are not in the document).
Languages = IntEnum("Languages", [(f"LANGUAGE_{i}", i) for i in [*range(1, 137), *range(139, 151)]])


# components/schemas/AudioOutputType
class AudioOutputType(str, Enum):
    flac = "flac"
    wav = "wav"
    mp3 = "mp3"
    aac = "aac"


# components/schemas/VideoOutputTypeWithoutAVI
class VideoOutputTypeWithoutAVI(str, Enum):
    mkv = "mkv"
    mp4 = "mp4"
    mov = "mov"


class DubbedOutputInAltFormatRequestPayload(BaseModel):
    output_format: Union[AudioOutputType, VideoOutputTypeWithoutAVI] = Field(title="Output Format")


# components/schemas/DubAltFormatResponseBody: `output_url` is neither required nor typed there.
class DubAltFormatResponseBody(BaseModel):
    output_url: Optional[str] = Field(
        default=None, title="The URL pointing to the generated media file in the format that specified."
    )


# components/schemas/TaskID: `task_id` is not required there.
class TaskID(BaseModel):
    task_id: Optional[str] = Field(default=None, title="Task ID")


api_key_header = APIKeyHeader(name="x-api-key")

app = FastAPI(title="FastAPI", version="0.1.0")

VALID_KEY = "sk-test-valid"


def check_key(key: str = Depends(api_key_header)) -> str:
    if key != VALID_KEY:
        raise HTTPException(status_code=403, detail="Invalid API key")
    return key


@app.post(
    "/apis/dub-alt-format/{run_id}/{language}",
    tags=["Dub"],
    summary="Get Dubbed Output in Alt Format",
    response_model=Union[DubAltFormatResponseBody, TaskID],
)
def get_dubbed_output_in_alt_format(
    payload: DubbedOutputInAltFormatRequestPayload,
    run_id: int = Path(title="Run ID"),
    language: Languages = Path(),
    _key: str = Depends(check_key),
) -> Union[DubAltFormatResponseBody, TaskID]:
    if run_id == 404:
        raise HTTPException(status_code=404, detail=f"Run {run_id} not found")
    output_format = payload.output_format.value
    if run_id < 1000:
        return DubAltFormatResponseBody(
            output_url=f"https://storage.camb.test/{run_id}/{int(language)}.{output_format}"
        )
    return TaskID(task_id=f"export-{run_id}-{int(language)}-{output_format}")


def _exit_when_stdin_closes() -> None:
    sys.stdin.buffer.read()
    os._exit(0)


if __name__ == "__main__":
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[listener])
