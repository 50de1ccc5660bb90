// The fallback of compile_cases_test.py: compiles anywhere.
