func load(url: String?, retries: Int?) {
	guard let url = url // the configured address
	else { return }
	if let /* shadow */ retries = retries {
		print(url, retries)
	}
	let message = "if let url = url { }"
	print(message)
}
