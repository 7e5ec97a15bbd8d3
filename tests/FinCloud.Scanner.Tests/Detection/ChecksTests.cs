using FinCloud.Scanner.Detection;
using FsCheck.Xunit;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>Check digits against their textbook definitions.</summary>
public sealed class ChecksTests
{
    /// <summary>Luhn as ISO/IEC 7812 states it: from the right, double every second digit, subtract 9 above 9.</summary>
    private static bool Textbook(byte[] digits)
    {
        var sum = 0;
        for (var k = 0; k < digits.Length; k++)
        {
            var d = digits[digits.Length - 1 - k];
            if (k % 2 == 1)
            {
                d = (byte)(d * 2 > 9 ? (d * 2) - 9 : d * 2);
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [Property(MaxTest = 3000)]
    public bool Luhn_agrees_with_the_textbook_rule(int seed)
    {
        var random = new Random(seed);
        var digits = new byte[random.Next(1, 20)];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (byte)random.Next(10);
        }

        return Checks.LuhnHolds(digits) == Textbook(digits);
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("378282246310005", true)]
    [InlineData("5555555555554444", true)]
    public void Luhn_holds_for_published_test_card_numbers_only(string number, bool holds) =>
        Checks.LuhnHolds([.. number.Select(c => (byte)(c - '0'))]).ShouldBe(holds);
}
