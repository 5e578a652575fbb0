// The daemon's configuration and services.
