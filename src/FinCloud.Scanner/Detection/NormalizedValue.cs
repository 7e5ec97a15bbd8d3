using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace FinCloud.Scanner.Detection;

/// <summary>The normalized value of a finding (scan-labels §4) and its SHA-256.</summary>
public static class NormalizedValue
{
    /// <summary>
    /// Digits only (full-width mapped to ASCII) for numeric types, the passport as written with digits mapped,
    /// the e-mail address lower-cased. Written as ASCII bytes into <paramref name="destination"/>, which must hold
    /// <paramref name="text"/>'s length; with 16 bytes more it is written in vector steps.
    /// </summary>
    public static int Write(ReadOnlySpan<char> text, IdentifierType type, Span<byte> destination) =>
        Write(text, 0, text.Length, type, destination);

    /// <summary>As <see cref="Write(ReadOnlySpan{char}, IdentifierType, Span{byte})"/> for the value at [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="line"/>.</summary>
    /// <remarks>Given the whole line, the digits are read in vectors that may reach past the value but stay in the line.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int Write(ReadOnlySpan<char> line, int start, int end, IdentifierType type, Span<byte> destination)
    {
        if (type is not (IdentifierType.Email or IdentifierType.Passport))
        {
            return WriteDigits(line, start, end, destination);
        }

        var text = line[start..end];
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
    /// The digits of a numeric value (a legacy driver licence's region name and every separator dropped). Where
    /// AVX-512 VBMI2 is there, sixteen characters a step: the digits among them are packed by one <c>vpcompressb</c>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int WriteDigits(ReadOnlySpan<char> line, int start, int end, Span<byte> destination)
    {
        if (Avx512Vbmi2.VL.IsSupported && end - start <= 32 && line.Length >= 16 && destination.Length >= end - start + 16)
        {
            // A window of sixteen from the value's start (or the line's last sixteen), and, for a longer value, the
            // sixteen that end with it; each keeps only its part of the value.
            var first = Math.Min(start, line.Length - 16);
            var n = PackDigits(line, first, start, Math.Min(end, first + 16), destination);
            return end > first + 16 ? n + PackDigits(line, end - 16, first + 16, end, destination[n..]) : n;
        }

        // Without branches: each character is written and the position only moves past a digit, since where the
        // separators fall is unpredictable and mispredicted branches cost more than the loop.
        var count = 0;
        foreach (var c in line[start..end])
        {
            var ascii = (uint)(c - '0');
            var value = ascii <= 9 ? ascii : (uint)(c - Chars.FullWidthZero);
            destination[count] = (byte)('0' + value);
            count += value <= 9 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The ASCII digits of the characters [<paramref name="from"/>, <paramref name="to"/>), all within the sixteen from <paramref name="window"/>, packed into <paramref name="destination"/> (16 bytes written).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int PackDigits(ReadOnlySpan<char> line, int window, int from, int to, Span<byte> destination)
    {
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        var low = Chars.DigitValues(Vector128.LoadUnsafe(ref chars, (nuint)window));
        var high = Chars.DigitValues(Vector128.LoadUnsafe(ref chars, (nuint)window + 8));
        var ten = Vector128.Create((ushort)10);
        var position = Vector128<byte>.Indices;
        var keep = Vector128.Narrow(Vector128.LessThan(low, ten), Vector128.LessThan(high, ten)) &
                   Vector128.GreaterThanOrEqual(position, Vector128.Create((byte)(from - window))) &
                   Vector128.LessThan(position, Vector128.Create((byte)(to - window)));
        var digits = Vector128.Narrow(low, high) + Vector128.Create((byte)'0');
        Avx512Vbmi2.VL.Compress(Vector128<byte>.Zero, keep, digits).CopyTo(destination);
        return BitOperations.PopCount(keep.ExtractMostSignificantBits());
    }

    public static string Of(ReadOnlySpan<char> text, IdentifierType type)
    {
        var buffer = text.Length <= 240 ? stackalloc byte[text.Length + 16] : new byte[text.Length + 16];
        var n = Write(text, type, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }

    /// <summary>Lowercase hex SHA-256 of the normalized value's UTF-8 (here ASCII) bytes.</summary>
    public static string Sha256(ReadOnlySpan<char> text, IdentifierType type) =>
        Sha256Hex(System.Text.Encoding.ASCII.GetBytes(Of(text, type)));

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
