using System.Text;
using CoreTotp = FinCloud.Core.Identity.Totp;

namespace FinCloud.Web.Tests.Account;

/// <summary>The product's TOTP against the RFCs' own examples and against the tests' separate implementation.</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, 94287082)]
    [InlineData(1111111109L, 07081804)]
    [InlineData(1111111111L, 14050471)]
    [InlineData(1234567890L, 89005924)]
    [InlineData(2000000000L, 69279037)]
    [InlineData(20000000000L, 65353130)]
    public void Codes_are_those_of_RFC_6238_appendix_B(long unixSeconds, int expected) =>
        CoreTotp.Code(RfcSecret, CoreTotp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), digits: 8).ShouldBe(expected);

    [Theory]
    [InlineData("", "")]
    [InlineData("MY======", "f")]
    [InlineData("MZXQ====", "fo")]
    [InlineData("MZXW6===", "foo")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("MZXW6YTB", "fooba")]
    [InlineData("mzxw 6ytb oi", "foobar")]
    public void Base32_reads_the_RFC_4648_examples(string encoded, string decoded) =>
        CoreTotp.Base32(encoded).ShouldBe(Encoding.ASCII.GetBytes(decoded));

    [Fact]
    public void Base32_refuses_other_characters() => CoreTotp.Base32("MZXW1").ShouldBeNull();

    [Fact]
    public void Any_key_at_any_time_gives_the_code_an_authenticator_app_shows()
    {
        var random = new Random(6238);
        for (var i = 0; i < 500; i++)
        {
            var key = new string([.. Enumerable.Range(0, 16 + (random.Next(3) * 8)).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[random.Next(32)])]);
            var at = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(0, 4_000_000_000));
            var expected = Infrastructure.AuthenticatorApp.Code(key, at, 6);
            CoreTotp.Code(CoreTotp.Base32(key)!, CoreTotp.StepAt(at)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected, key);
            CoreTotp.Match(key, expected, at, lastAccepted: null).ShouldBe(CoreTotp.StepAt(at));
        }
    }

    [Fact]
    public void A_code_matches_within_two_steps_and_only_after_the_last_one_accepted()
    {
        const string key = "JBSWY3DPEHPK3PXP";
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = CoreTotp.StepAt(now);
        string CodeAt(long s) => CoreTotp.Code(CoreTotp.Base32(key)!, s).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        CoreTotp.Match(key, CodeAt(step - 2), now, null).ShouldBe(step - 2);
        CoreTotp.Match(key, CodeAt(step + 2), now, null).ShouldBe(step + 2);
        CoreTotp.Match(key, CodeAt(step - 3), now, null).ShouldBeNull();
        CoreTotp.Match(key, CodeAt(step + 3), now, null).ShouldBeNull();
        CoreTotp.Match(key, CodeAt(step), now, lastAccepted: step).ShouldBeNull("a code is accepted once");
        CoreTotp.Match(key, CodeAt(step - 1), now, lastAccepted: step).ShouldBeNull("nor an older one after it");
        CoreTotp.Match(key, CodeAt(step + 1), now, lastAccepted: step).ShouldBe(step + 1);
        CoreTotp.Match(key, "12345", now, null).ShouldBeNull();
        CoreTotp.Match(key, "12a456", now, null).ShouldBeNull();
        CoreTotp.Match("not base32!", CodeAt(step), now, null).ShouldBeNull();
    }
}
