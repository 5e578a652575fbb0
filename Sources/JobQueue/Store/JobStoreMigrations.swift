internal import GRDB

/// The schema, as named migrations applied in order, each in its own transaction.
///
/// Append only: never edit or reorder a migration that has shipped; add a new one.
/// (`JobQueueTests` checks the list of names.)
enum JobStoreMigrations {
    static let names = ["v1 jobs and job events", "v2 watched tips and review branch creations", "v3 job scope", "v4 job fixup base"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 jobs and job events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE jobs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        repository TEXT NOT NULL,
                        branch TEXT NOT NULL,
                        base TEXT NOT NULL,
                        recipes TEXT NOT NULL,          -- JSON list of recipe ids
                        parameters TEXT NOT NULL,       -- JSON object
                        trigger TEXT NOT NULL,
                        dedupe_key TEXT NOT NULL,
                        lineage_key TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        max_attempts INTEGER NOT NULL,
                        reason TEXT,
                        not_before REAL NOT NULL,       -- Unix seconds
                        lease_owner TEXT,
                        lease_expires_at REAL,
                        superseded_by INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
                        result_branch TEXT,
                        result_commit TEXT,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        finished_at REAL
                    );
                    -- Dedupe, enforced by the database: one active job per key.
                    CREATE UNIQUE INDEX jobs_active_dedupe ON jobs(dedupe_key) WHERE state IN ('queued', 'running');
                    CREATE INDEX jobs_lineage ON jobs(lineage_key, state);
                    CREATE INDEX jobs_state ON jobs(state, not_before);
                    CREATE INDEX jobs_finished ON jobs(finished_at) WHERE finished_at IS NOT NULL;
                    CREATE TABLE job_events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                        at REAL NOT NULL,
                        from_state TEXT,
                        to_state TEXT NOT NULL,
                        worker TEXT,
                        detail TEXT
                    );
                    CREATE INDEX job_events_job ON job_events(job_id, id);
                    """)
        }
        migrator.registerMigration("v2 watched tips and review branch creations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE watched_tips (
                        repository TEXT NOT NULL,
                        branch TEXT NOT NULL,
                        tip TEXT,                       -- NULL: the branch was deleted
                        updated_at REAL NOT NULL,
                        PRIMARY KEY (repository, branch)
                    );
                    CREATE TABLE review_branch_creations (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        repository TEXT NOT NULL,
                        branch TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE INDEX review_branch_creations_repository ON review_branch_creations(repository, created_at);
                    """)
        }
        migrator.registerMigration("v3 job scope") { db in
            // A sharded job's directory; NULL for a job over the whole tree.
            try db.execute(sql: "ALTER TABLE jobs ADD COLUMN scope TEXT")
        }
        migrator.registerMigration("v4 job fixup base") { db in
            // A fixup-commits job's base branch (its fixup! commits cover <base>..<branch>); NULL
            // for a job that writes one review commit.
            try db.execute(sql: "ALTER TABLE jobs ADD COLUMN fixup_base TEXT")
        }
        return migrator
    }
}
