// fetchUser was renamed long ago; this comment keeps the old name.
let migrationNote = "call loadUser instead of fetchUser"
func configure(fetchUser flag: Bool) {}
/* fetchUser() */
