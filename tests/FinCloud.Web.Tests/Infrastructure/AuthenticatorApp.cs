using System.Security.Cryptography;

namespace FinCloud.Web.Tests.Infrastructure;

/// <summary>The phone's authenticator app: RFC 6238 (HMAC-SHA1, 30-second steps), written apart from the product's code.</summary>
public static class AuthenticatorApp
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The 6-digit code for <paramref name="key"/> (base32, spaces and case ignored) now.</summary>
    public static string Now(string key) => Code(key, TimeProvider.System.GetUtcNow(), 6);

    /// <summary>
    /// The code of the next 30-second step, which the server accepts now too (clock drift): a second sign-in in one test
    /// needs it, because a code once accepted is never accepted again.
    /// </summary>
    public static string Next(string key) => Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30), 6);

    public static string Code(string key, DateTimeOffset at, int digits)
    {
        var bits = string.Concat(key.ToUpperInvariant().Where(c => c is not (' ' or '='))
            .Select(c => Convert.ToString(Base32.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var secret = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // TOTP as authenticator apps compute it is defined on HMAC-SHA1
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }
}
