"""Creating or upgrading a database (`dxtrack init`), shared by the CLI, demo and tests."""

from __future__ import annotations

from dxtrack.agencies.service import count_agencies, load_default_directory
from dxtrack.config import Settings, data_dir_key
from dxtrack.db import get_engine, transaction
from dxtrack.migrations import current_revision, upgrade


def initialise(settings: Settings) -> tuple[str, int]:
    """Upgrade the schema to head (data kept); load the default directory into an empty one;
    without a configured secret key, write a random one into the data directory.

    Returns the schema revision and the number of agencies loaded (0 when already present).
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if not settings.secret_key:
        data_dir_key(settings.key_file)
    engine = get_engine(settings)
    upgrade(engine)
    loaded = 0
    with transaction(settings, write=True) as db:
        if count_agencies(db) == 0:
            loaded = load_default_directory(db).created
    return current_revision(engine) or "", loaded
