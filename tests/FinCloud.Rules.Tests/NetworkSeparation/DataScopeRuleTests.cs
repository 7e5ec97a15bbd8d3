using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Rules.Tests.NetworkSeparation;

public sealed class DataScopeRuleTests
{
    [Theory]
    [InlineData("rrn")]
    [InlineData("foreigner-rn")]
    [InlineData("passport")]
    [InlineData("driver-license")]
    public void Unique_identifiers_fall_under_unique_identifying_and_personal_information(string type) =>
        DataScopeRule.CategoriesOf(type).ShouldBe([DataCategory.UniqueIdentifier, DataCategory.PersonalInformation], ignoreOrder: true);

    [Theory]
    [InlineData("card")]
    [InlineData("account")]
    public void Card_and_account_numbers_are_transaction_and_personal_credit_information(string type) =>
        DataScopeRule.CategoriesOf(type).ShouldBe(
            [DataCategory.TransactionInformation, DataCategory.PersonalCreditInformation, DataCategory.CreditInformation, DataCategory.PersonalInformation],
            ignoreOrder: true);

    [Fact]
    public void An_RRN_breaks_a_scope_excluding_unique_identifiers()
    {
        var violation = DataScopeRule.Check([DataCategory.UniqueIdentifier, DataCategory.PersonalCreditInformation], [new("rrn", 3), new("email", 10)])
            .ShouldHaveSingleItem();
        violation.ShouldBe(violation with { FindingType = "rrn", Count = 3 });
        violation.ExcludedCategories.ShouldBe([DataCategory.UniqueIdentifier]);
    }

    [Fact]
    public void An_RRN_does_not_break_M365s_transaction_only_exclusion() =>
        DataScopeRule.Check([DataCategory.TransactionInformation], [new("rrn", 1)]).ShouldBeEmpty();

    [Fact]
    public void An_RRN_breaks_Pulses_personal_information_exclusion() =>
        DataScopeRule.Check([DataCategory.PersonalInformation, DataCategory.CreditInformation, DataCategory.TransactionInformation], [new("rrn", 1)])
            .ShouldHaveSingleItem().ExcludedCategories.ShouldBe([DataCategory.PersonalInformation]);

    [Fact]
    public void Counts_of_the_same_type_add_up_and_zero_counts_are_clean()
    {
        DataScopeRule.Check([DataCategory.TransactionInformation], [new("card", 2), new("card", 5), new("account", 0)])
            .ShouldHaveSingleItem().Count.ShouldBe(7);
    }

    [Fact]
    public void Every_scanner_type_of_the_contract_is_mapped()
    {
        string[] contractTypes = ["rrn", "foreigner-rn", "card", "brn", "phone", "driver-license", "passport", "account", "email"];
        DataScopeRule.KnownFindingTypes.ShouldBe(contractTypes, ignoreOrder: true);
    }

    [Fact]
    public void An_unknown_finding_type_is_refused_rather_than_treated_as_clean() =>
        Should.Throw<ArgumentException>(() => DataScopeRule.Check([DataCategory.UniqueIdentifier], [new("rrn-typo", 1)]));
}
