using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace FinCloud.Scanner.Inputs;

/// <summary>
/// Whether bytes are well-formed UTF-8 (the same verdict as <see cref="Utf8.IsValid"/>), 32 bytes per step with
/// AVX2. Choosing between UTF-8 and CP949 (scan-labels §1.2) reads every byte of a file before the scan proper, and
/// the runtime's validator takes its slow path on every Hangul syllable (three-byte sequences): on Korean prose it
/// was three quarters of the whole scan's CPU time.
/// </summary>
/// <remarks>
/// The method of Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte" (2021), as in simdjson:
/// three 16-entry table lookups (the high and low nibble of the previous byte, the high nibble of the current one)
/// give, for each pair of adjacent bytes, the set of errors that pair could be part of; their AND is empty for
/// every valid pair. Third and fourth bytes of long sequences are checked apart: a byte two after an E0–FF lead or
/// three after an F0–FF lead must be a continuation, and a continuation elsewhere is caught by the pair tables.
/// </remarks>
internal static class Utf8Validation
{
    // Error bits of a byte pair (simdjson's names).
    private const byte TooShort = 1 << 0;     // lead followed by a lead or ASCII
    private const byte TooLong = 1 << 1;      // ASCII followed by a continuation
    private const byte Overlong3 = 1 << 2;    // E0 80–9F
    private const byte TooLarge = 1 << 3;     // F4 90–BF, F5–FF
    private const byte Surrogate = 1 << 4;    // ED A0–BF
    private const byte Overlong2 = 1 << 5;    // C0–C1
    private const byte TooLarge1000 = 1 << 6; // F5–FF 80–8F
    private const byte Overlong4 = 1 << 6;    // F0 80–8F
    private const byte TwoConts = 1 << 7;     // continuation followed by continuation (unless a long sequence allows it)
    private const byte Carry = TooShort | TooLong | TwoConts;

    /// <summary>True when all of <paramref name="utf8"/> is well-formed UTF-8 (no sequence cut at its end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        if (!Avx2.IsSupported)
        {
            return Utf8.IsValid(utf8);
        }

        var byte1High = Table(
            TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
            TwoConts, TwoConts, TwoConts, TwoConts,
            TooShort | Overlong2,
            TooShort,
            TooShort | Overlong3 | Surrogate,
            TooShort | TooLarge | TooLarge1000 | Overlong4);
        var byte1Low = Table(
            Carry | Overlong3 | Overlong2 | Overlong4,
            Carry | Overlong2,
            Carry,
            Carry,
            Carry | TooLarge,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000 | Surrogate,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000);
        var byte2High = Table(
            TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
            TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge1000 | Overlong4,
            TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge,
            TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,
            TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,
            TooShort, TooShort, TooShort, TooShort);

        ref var start = ref MemoryMarshal.GetReference(utf8);
        var previous = Vector256<byte>.Zero;
        var error = Vector256<byte>.Zero;
        var i = 0;
        for (; i <= utf8.Length - 32; i += 32)
        {
            var input = Vector256.LoadUnsafe(ref start, (nuint)i);
            if (Vector256.ExtractMostSignificantBits(input) == 0)
            {
                // All ASCII: only a sequence left open by the previous block can be wrong here.
                error |= Incomplete(previous);
            }
            else
            {
                error |= Check(input, previous, byte1High, byte1Low, byte2High);
            }

            previous = input;
            if ((i & 0xFFFF) == 0 && error != Vector256<byte>.Zero)
            {
                return false;
            }
        }

        // The tail, padded with NULs (ASCII): a sequence cut by the end of the data fails as one cut by ASCII.
        var tail = Vector256<byte>.Zero;
        if (i < utf8.Length)
        {
            Span<byte> padded = stackalloc byte[32];
            padded.Clear();
            utf8[i..].CopyTo(padded);
            tail = Vector256.Create<byte>(padded);
        }

        error |= Check(tail, previous, byte1High, byte1Low, byte2High);
        return error == Vector256<byte>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Check(Vector256<byte> input, Vector256<byte> previous, Vector256<byte> byte1High, Vector256<byte> byte1Low, Vector256<byte> byte2High)
    {
        var low = Vector256.Create((byte)0x0F);

        // The bytes 1, 2 and 3 positions earlier, reaching into the previous block.
        var across = Avx2.Permute2x128(previous, input, 0x21);
        var prev1 = Avx2.AlignRight(input, across, 15);
        var prev2 = Avx2.AlignRight(input, across, 14);
        var prev3 = Avx2.AlignRight(input, across, 13);

        var special = Avx2.Shuffle(byte1High, Vector256.ShiftRightLogical(prev1.AsUInt16(), 4).AsByte() & low)
            & Avx2.Shuffle(byte1Low, prev1 & low)
            & Avx2.Shuffle(byte2High, Vector256.ShiftRightLogical(input.AsUInt16(), 4).AsByte() & low);

        // 0x80 where the byte must continue a three- or four-byte sequence: E0–FF two back, or F0–FF three back.
        var mustContinue = (Avx2.SubtractSaturate(prev2, Vector256.Create((byte)(0xE0 - 0x80)))
            | Avx2.SubtractSaturate(prev3, Vector256.Create((byte)(0xF0 - 0x80)))) & Vector256.Create((byte)0x80);
        return mustContinue ^ special;
    }

    /// <summary>Non-zero when the block ends inside a multi-byte sequence (a lead in the last three bytes needing more).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Incomplete(Vector256<byte> block)
    {
        var max = Vector256.Create(
            (byte)255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1);
        return Avx2.SubtractSaturate(block, max);
    }

    /// <summary>A 16-entry lookup table in both 128-bit lanes (AVX2 shuffles look up within each lane).</summary>
    private static Vector256<byte> Table(params ReadOnlySpan<byte> entries)
    {
        var half = Vector128.Create(entries);
        return Vector256.Create(half, half);
    }
}
