import sqlite3, threading
from claimgraph.store.engine import use_wal

def test_store_engine_switching_to_wal_waits_for_a_ledger_another_process_is_creating(tmp_path):
    path = tmp_path / "ledger.db"
    creating = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    creating.execute("BEGIN EXCLUSIVE")
    creating.execute("CREATE TABLE documents (id TEXT)")
    threading.Timer(0.3, lambda: creating.execute("COMMIT")).start()
    opening = sqlite3.connect(path, isolation_level=None)
    opening.execute("PRAGMA busy_timeout = 0")  # SQLite's answer to the switch: locked, at once
    use_wal(opening.cursor())
    assert opening.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
