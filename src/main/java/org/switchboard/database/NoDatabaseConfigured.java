package org.switchboard.database;

/** The app was built without the embedded server (the production jar) and no database is configured. */
class NoDatabaseConfigured extends IllegalStateException {

    NoDatabaseConfigured() {
        super("No database is configured, and this build has no embedded MariaDB (the production jar leaves it out)");
    }
}
