"""A binding written for another version of the plug-in contract does not compile, and the
compiler's message names both versions; a binding for this version compiles."""

import os
import unittest


def compile_log(variable):
    with open(os.environ[variable], encoding="utf-8") as f:
        return f.readline().strip(), f.read()


class ContractVersion(unittest.TestCase):
    def test_a_binding_for_contract_1_is_rejected_naming_both_versions(self):
        status, log = compile_log("CONTRACT_1_LOG")
        self.assertTrue(status.startswith("compiled: no"), status)
        self.assertIn("binding_written_for_contract_version<1, 2>", log)
        self.assertIn("this binding was written for another version of the plug-in contract", log)

    def test_a_binding_for_this_contract_compiles(self):
        status, log = compile_log("THIS_CONTRACT_LOG")
        self.assertEqual(status, "compiled: yes", log)


if __name__ == "__main__":
    unittest.main()
