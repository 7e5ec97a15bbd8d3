using FinCloud.Scanner;

namespace FinCloud.Scanner.Tests;

public sealed class IdentifierTypeTests
{
    [Fact]
    public void Types_are_declared_in_the_overlap_resolution_order_of_the_contract() =>
        Enum.GetValues<IdentifierType>().ShouldBe(
        [
            IdentifierType.Rrn, IdentifierType.ForeignerRn, IdentifierType.Card, IdentifierType.Brn, IdentifierType.Phone,
            IdentifierType.DriverLicense, IdentifierType.Passport, IdentifierType.Account, IdentifierType.Email,
        ]);
}
