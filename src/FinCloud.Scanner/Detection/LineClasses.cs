using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FinCloud.Scanner.Detection;

/// <summary>
/// Where a line's digits (ASCII or full-width) and '@' signs are, as one bit per character, found in one vector
/// pass. The detector then finds each value's start and the end of each digit group with a bit scan instead of a
/// search from that position: a dense CSV row holds a dozen digit runs, and a search per run cost about a fifth
/// of the detector's time. The CSV field of a position comes from masks too, made on the line's first context
/// look-up. One instance per detector; it reuses its arrays.
/// </summary>
internal sealed class LineClasses
{
    private ulong[] _digits = new ulong[8];
    private ulong[] _triggers = new ulong[8];
    private ulong[] _delimiters = new ulong[8];
    private ulong[] _quotes = new ulong[8];
    private int _length;
    private int _words;
    private bool _fieldsMarked;

    /// <summary>Classifies <paramref name="line"/>; the other members answer for it until the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Classify(ReadOnlySpan<char> line)
    {
        _length = line.Length;
        _words = (line.Length + 63) >> 6;
        _fieldsMarked = false;
        if (_digits.Length < _words)
        {
            var size = Math.Max(_words, _digits.Length * 2);
            _digits = new ulong[size];
            _triggers = new ulong[size];
            _delimiters = new ulong[size];
            _quotes = new ulong[size];
        }

        Mark(line, new DigitsAndTriggers(), _digits, _triggers);
    }

    /// <summary>The first digit or '@' at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextTrigger(int from)
    {
        var word = from >> 6;
        if (word >= _words)
        {
            return -1;
        }

        var bits = _triggers[word] & (ulong.MaxValue << (from & 63));
        while (bits == 0)
        {
            if (++word >= _words)
            {
                return -1;
            }

            bits = _triggers[word];
        }

        return (word << 6) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>The end (exclusive) of the digit run at <paramref name="start"/>: the first non-digit at or after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RunEnd(int start)
    {
        var word = start >> 6;
        if (word >= _words)
        {
            return _length;
        }

        // Bits past the line's end are zero in the digit mask, so its complement always ends a run by then.
        var bits = ~_digits[word] & (ulong.MaxValue << (start & 63));
        while (bits == 0)
        {
            if (++word >= _words)
            {
                return _length;
            }

            bits = ~_digits[word];
        }

        return Math.Min(_length, (word << 6) + BitOperations.TrailingZeroCount(bits));
    }

    /// <summary>
    /// The index of the field <paramref name="position"/> lies in (§3.3): the delimiters before it, less those
    /// inside quotes when <paramref name="quotesToggle"/> (every '"' opens or closes a quoted stretch).
    /// </summary>
    /// <param name="line">The line given to <see cref="Classify"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FieldIndex(ReadOnlySpan<char> line, int position, char delimiter, bool quotesToggle)
    {
        if (!_fieldsMarked)
        {
            Mark(line, new DelimitersAndQuotes(delimiter), _delimiters, _quotes);
            if (quotesToggle)
            {
                DropQuoted();
            }

            _fieldsMarked = true;
        }

        var word = position >> 6;
        var count = BitOperations.PopCount(_delimiters[word] & ((1UL << (position & 63)) - 1));
        for (var w = 0; w < word; w++)
        {
            count += BitOperations.PopCount(_delimiters[w]);
        }

        return count;
    }

    /// <summary>Clears the delimiters that an odd number of quotes precede.</summary>
    private void DropQuoted()
    {
        var open = 0UL;
        for (var w = 0; w < _words; w++)
        {
            // Prefix XOR: bit i is the parity of the quotes at or before i; without the quote itself, before i.
            var quotes = _quotes[w];
            var parity = quotes;
            for (var shift = 1; shift < 64; shift <<= 1)
            {
                parity ^= parity << shift;
            }

            var quoted = (parity ^ quotes) ^ open;
            _delimiters[w] &= ~quoted;
            open = (parity >> 63) != 0 ? ~open : open;
        }
    }

    /// <summary>Sets bit i of <paramref name="first"/> and <paramref name="second"/> where character i is what the marker looks for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mark<TMarker>(ReadOnlySpan<char> line, TMarker marker, ulong[] first, ulong[] second)
        where TMarker : struct, IMarker
    {
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        if (Vector256.IsHardwareAccelerated && line.Length >= 32)
        {
            // 32 characters a step; the last step reads the line's final 32 and keeps only the new positions.
            for (var i = 0; i < line.Length; i += 32)
            {
                var at = Math.Min(i, line.Length - 32);
                var low = Vector256.LoadUnsafe(ref chars, (nuint)at);
                var high = Vector256.LoadUnsafe(ref chars, (nuint)at + 16);
                var (a, b) = marker.Vector(low, high);
                var skip = i - at;
                var bitsA = Vector256.Narrow(a.low, a.high).ExtractMostSignificantBits() >> skip;
                var bitsB = Vector256.Narrow(b.low, b.high).ExtractMostSignificantBits() >> skip;
                var word = i >> 6;
                if ((i & 32) == 0)
                {
                    first[word] = bitsA;
                    second[word] = bitsB;
                }
                else
                {
                    first[word] |= (ulong)bitsA << 32;
                    second[word] |= (ulong)bitsB << 32;
                }
            }

            return;
        }

        Array.Clear(first, 0, _words);
        Array.Clear(second, 0, _words);
        for (var i = 0; i < line.Length; i++)
        {
            var (a, b) = marker.Scalar(line[i]);
            var bit = 1UL << (i & 63);
            first[i >> 6] |= a ? bit : 0;
            second[i >> 6] |= b ? bit : 0;
        }
    }

    /// <summary>Two character tests, on 32 characters at once (all-ones lanes where they hold) and on one.</summary>
    private interface IMarker
    {
        ((Vector256<ushort> low, Vector256<ushort> high), (Vector256<ushort> low, Vector256<ushort> high)) Vector(Vector256<ushort> low, Vector256<ushort> high);

        (bool, bool) Scalar(char c);
    }

    /// <summary>Digits; digits and '@'.</summary>
    private readonly struct DigitsAndTriggers : IMarker
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ((Vector256<ushort> low, Vector256<ushort> high), (Vector256<ushort> low, Vector256<ushort> high)) Vector(Vector256<ushort> low, Vector256<ushort> high)
        {
            var (digitsLow, digitsHigh) = (Digits(low), Digits(high));
            var at = Vector256.Create((ushort)'@');
            return ((digitsLow, digitsHigh), (digitsLow | Vector256.Equals(low, at), digitsHigh | Vector256.Equals(high, at)));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (bool, bool) Scalar(char c) => (Chars.IsDigit(c), Chars.IsDigit(c) || c == '@');

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<ushort> Digits(Vector256<ushort> v)
        {
            var nine = Vector256.Create((ushort)9);
            return Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), nine) |
                   Vector256.LessThanOrEqual(v - Vector256.Create((ushort)Chars.FullWidthZero), nine);
        }
    }

    /// <summary>The field delimiter; '"'.</summary>
    private readonly struct DelimitersAndQuotes(char delimiter) : IMarker
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ((Vector256<ushort> low, Vector256<ushort> high), (Vector256<ushort> low, Vector256<ushort> high)) Vector(Vector256<ushort> low, Vector256<ushort> high)
        {
            var separator = Vector256.Create((ushort)delimiter);
            var quote = Vector256.Create((ushort)'"');
            return ((Vector256.Equals(low, separator), Vector256.Equals(high, separator)), (Vector256.Equals(low, quote), Vector256.Equals(high, quote)));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (bool, bool) Scalar(char c) => (c == delimiter, c == '"');
    }
}
