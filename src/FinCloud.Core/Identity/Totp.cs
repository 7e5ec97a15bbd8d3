using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FinCloud.Core.Identity;

/// <summary>
/// Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps,
/// six digits), with the step a code belongs to, so that a code once accepted is never accepted again (RFC 6238 §5.2).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>Steps either side of now a code may come from (a phone's clock is seldom exact): the window Identity uses.</summary>
    public const int Drift = 2;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of <paramref name="step"/> for the secret, with <paramref name="digits"/> digits (RFC 4226 §5.3).</summary>
    public static int Code(ReadOnlySpan<byte> secret, long step, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // TOTP as authenticator apps compute it is defined on HMAC-SHA1
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFF_FFFF;
        return binary % (int)Math.Pow(10, digits);
    }

    /// <summary>
    /// The step within <see cref="Drift"/> of <paramref name="now"/> whose code is <paramref name="code"/> and which is later
    /// than <paramref name="lastAccepted"/>, or null. Of several matches the latest wins.
    /// </summary>
    public static long? Match(string base32Secret, string code, DateTimeOffset now, long? lastAccepted)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32(base32Secret) is not { } secret)
        {
            return null;
        }

        var value = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        var current = StepAt(now);
        for (var step = current + Drift; step >= current - Drift; step--)
        {
            if (step > (lastAccepted ?? long.MinValue) && Code(secret, step) == value)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>RFC 4648 base32 (the shared key's form), case and spaces ignored; null when it is not base32.</summary>
    public static byte[]? Base32(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = Base32Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
