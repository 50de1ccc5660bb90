// The fallback object of the contract version test: nothing of the binding.
