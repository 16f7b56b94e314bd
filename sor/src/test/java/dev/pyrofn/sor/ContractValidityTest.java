package dev.pyrofn.sor;

import dev.pyrofn.runtime.testing.ShippedContractsCheck;

/** Every OpenAPI document this module ships parses without a single error or warning. */
class ContractValidityTest extends ShippedContractsCheck {
}
