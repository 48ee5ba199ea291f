"""The ``joblens`` console script of the wheel: runs the bundled binary with the arguments."""
from __future__ import annotations

import os
import sys

from ._binary import binary_path


def main() -> None:
    """Replaces this process with the bundled ``joblens`` binary."""
    try:
        binary = binary_path()
    except FileNotFoundError as error:
        sys.exit(f"joblens: error: {error}")
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
