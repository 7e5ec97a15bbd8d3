using System.Security.Cryptography;

namespace FinCloud.Scanner.Detection;

/// <summary>The normalized value of a finding (scan-labels §4) and its SHA-256.</summary>
public static class NormalizedValue
{
    /// <summary>
    /// Digits only (full-width mapped to ASCII) for numeric types, the passport as written with digits mapped,
    /// the e-mail address lower-cased. Written as ASCII bytes into <paramref name="destination"/>, which must hold <paramref name="text"/>'s length.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int Write(ReadOnlySpan<char> text, IdentifierType type, Span<byte> destination)
    {
        if (type is not (IdentifierType.Email or IdentifierType.Passport))
        {
            return WriteDigits(text, destination);
        }

        // An address found by the detector is ASCII (§4.9): one vector pass instead of a call per character
        // (2 % of a dense CSV scan, which holds one e-mail per customer row).
        if (type == IdentifierType.Email &&
            System.Text.Ascii.ToLower(text, destination, out var written) == System.Buffers.OperationStatus.Done)
        {
            return written;
        }

        var n = 0;
        foreach (var c in text)
        {
            if (Chars.IsDigit(c))
            {
                destination[n++] = (byte)('0' + Chars.DigitValue(c));
            }
            else if (type == IdentifierType.Email)
            {
                destination[n++] = (byte)char.ToLowerInvariant(c);
            }
            else if (type == IdentifierType.Passport)
            {
                destination[n++] = (byte)c;
            }
        }

        return n;
    }

    /// <summary>
    /// The digits of a numeric value (a legacy driver licence's region name and every separator dropped). Without
    /// branches: each character is written and the position only moves past a digit, since where the separators
    /// fall is unpredictable and the mispredicted branches cost more than the loop (about 5 % of a dense CSV scan).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int WriteDigits(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var n = 0;
        foreach (var c in text)
        {
            var ascii = (uint)(c - '0');
            var value = ascii <= 9 ? ascii : (uint)(c - Chars.FullWidthZero);
            destination[n] = (byte)('0' + value);
            n += value <= 9 ? 1 : 0;
        }

        return n;
    }

    public static string Of(ReadOnlySpan<char> text, IdentifierType type)
    {
        var buffer = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var n = Write(text, type, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }

    /// <summary>Lowercase hex SHA-256 of the normalized value's UTF-8 (here ASCII) bytes.</summary>
    public static string Sha256(ReadOnlySpan<char> text, IdentifierType type)
    {
        var buffer = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var n = Write(text, type, buffer);
        return Sha256Hex(buffer[..n]);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(value, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A sample safe to show (e.g. <c>900101-1******</c>): enough to recognise the kind, not the person.</summary>
    public static string Mask(string normalized, IdentifierType type)
    {
        string Stars(int count) => new('*', Math.Max(count, 0));
        return type switch
        {
            IdentifierType.Rrn or IdentifierType.ForeignerRn when normalized.Length == 13 =>
                $"{normalized[..6]}-{normalized[6]}{Stars(6)}",
            IdentifierType.Card when normalized.Length >= 8 =>
                $"{normalized[..4]}-****-****-{normalized[^4..]}",
            IdentifierType.Brn when normalized.Length == 10 => $"{normalized[..3]}-{normalized[3..5]}-{Stars(5)}",
            IdentifierType.Phone when normalized.Length >= 9 =>
                $"{normalized[..(normalized[1] == '2' ? 2 : 3)]}-****-{normalized[^4..]}",
            IdentifierType.DriverLicense when normalized.Length == 12 => $"{normalized[..2]}-{normalized[2..4]}-******-**",
            IdentifierType.DriverLicense => $"{normalized[..2]}-******-**",
            IdentifierType.Passport => $"{normalized[0]}{Stars(normalized.Length - 1)}",
            IdentifierType.Account when normalized.Length > 4 => $"{Stars(normalized.Length - 4)}{normalized[^4..]}",
            IdentifierType.Email => MaskEmail(normalized),
            _ => Stars(normalized.Length),
        };
    }

    private static string MaskEmail(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var keep = Math.Min(2, at);
        return $"{address[..keep]}***{address[at..]}";
    }
}
