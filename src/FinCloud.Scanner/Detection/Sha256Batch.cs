using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace FinCloud.Scanner.Detection;

/// <summary>
/// SHA-256 of many short values at once: eight single-block messages go through one compression in the eight
/// 32-bit lanes of a 256-bit vector. A finding's normalized value is short (13 digits, an e-mail address), and a
/// one-shot library call per value costs more than the hashing itself, so on dense data this is where it pays.
/// </summary>
internal static class Sha256Batch
{
    /// <summary>Longest message that fits one padded block.</summary>
    public const int MaxSingleBlock = 55;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] Initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    /// <summary>Hashes each message (given by offset and length into <paramref name="data"/>) into 32 bytes of <paramref name="hashes"/>.</summary>
    /// <param name="data">The messages' bytes; best with 64 bytes of any content after the last message.</param>
    public static void HashAll(ReadOnlySpan<byte> data, ReadOnlySpan<(int Offset, int Length)> messages, Span<byte> hashes)
    {
        Span<int> batch = stackalloc int[8];
        var pending = 0;
        for (var i = 0; i < messages.Length; i++)
        {
            var (offset, length) = messages[i];
            if (length > MaxSingleBlock || !Avx2.IsSupported)
            {
                SHA256.HashData(data.Slice(offset, length), hashes.Slice(i * 32, 32));
                continue;
            }

            batch[pending++] = i;
            if (pending == 8)
            {
                HashEight(data, messages, batch, hashes);
                pending = 0;
            }
        }

        if (pending > 0)
        {
            // Fill the spare lanes with the last message; their results are simply written again.
            for (var j = pending; j < 8; j++)
            {
                batch[j] = batch[pending - 1];
            }

            HashEight(data, messages, batch, hashes);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashEight(ReadOnlySpan<byte> data, ReadOnlySpan<(int Offset, int Length)> messages, ReadOnlySpan<int> batch, Span<byte> hashes)
    {
        // Each lane's padded block (message, 0x80, zeros, bit length) as two rows of eight big-endian words, masked
        // into shape in registers; two 8×8 transposes turn the rows into the 16 vectors of word t across the lanes.
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[64];
        for (var lane = 0; lane < 8; lane++)
        {
            var (offset, length) = messages[batch[lane]];
            var (low, high) = PaddedBlock(data, offset, length);
            w[lane] = SwapBytes(low).AsUInt32();
            w[8 + lane] = SwapBytes(high).AsUInt32();
        }

        Transpose(w[..8]);
        Transpose(w.Slice(8, 8));

        // The two newest words stay in registers: read back from the stack, each step waited on the store before it.
        ref var w0 = ref w[0];
        var previous = w[14];
        var last = w[15];
        for (var t = 16; t < 64; t++)
        {
            var x = Unsafe.Add(ref w0, t - 15);
            var s0 = Xor(Rotr(x, 7), Rotr(x, 18), Vector256.ShiftRightLogical(x, 3));
            var s1 = Xor(Rotr(previous, 17), Rotr(previous, 19), Vector256.ShiftRightLogical(previous, 10));
            var next = Unsafe.Add(ref w0, t - 16) + s0 + Unsafe.Add(ref w0, t - 7) + s1;
            Unsafe.Add(ref w0, t) = next;
            previous = last;
            last = next;
        }

        var a = Vector256.Create(Initial[0]);
        var b = Vector256.Create(Initial[1]);
        var c = Vector256.Create(Initial[2]);
        var d = Vector256.Create(Initial[3]);
        var e = Vector256.Create(Initial[4]);
        var f = Vector256.Create(Initial[5]);
        var g = Vector256.Create(Initial[6]);
        var h = Vector256.Create(Initial[7]);
        // Added in the order that keeps each round's chain short: h + K + w and d + that do not wait on this round's
        // e, so e and a are four additions deep rather than seven; one chain of eight lanes is bound by that depth.
        ref var k0 = ref MemoryMarshal.GetArrayDataReference(K);
        for (var t = 0; t < 64; t++)
        {
            var hkw = h + (Vector256.Create(Unsafe.Add(ref k0, t)) + Unsafe.Add(ref w0, t));
            var s1ch = Xor(Rotr(e, 6), Rotr(e, 11), Rotr(e, 25)) + Choose(e, f, g);
            var t2 = Xor(Rotr(a, 2), Rotr(a, 13), Rotr(a, 22)) + Majority(a, b, c);
            h = g;
            g = f;
            f = e;
            e = (d + hkw) + s1ch;
            d = c;
            c = b;
            b = a;
            a = (hkw + t2) + s1ch;
        }

        Span<Vector256<uint>> state = [a, b, c, d, e, f, g, h];
        for (var i = 0; i < 8; i++)
        {
            state[i] += Vector256.Create(Initial[i]);
        }

        // Back from word i across the lanes to each lane's eight words, big-endian: one lane's whole digest per store.
        Transpose(state);
        for (var lane = 0; lane < 8; lane++)
        {
            SwapBytes(state[lane].AsByte()).CopyTo(hashes.Slice(batch[lane] * 32, 32));
        }
    }

    /// <summary>
    /// The message at <paramref name="offset"/> as one padded block of 64 bytes: read whole where the data runs on 64
    /// bytes past it (callers pass their buffer with its spare room), then masked, with the 0x80 and the bit length set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<byte> Low, Vector256<byte> High) PaddedBlock(ReadOnlySpan<byte> data, int offset, int length)
    {
        var (low, high) = offset + 64 <= data.Length
            ? (Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(data), (nuint)offset), Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(data), (nuint)offset + 32))
            : CopiedBlock(data.Slice(offset, length));
        var n = Vector256.Create((byte)length);
        var first = Vector256<byte>.Indices;
        var second = first + Vector256.Create((byte)32);
        var end = Vector256.Create((byte)0x80);
        var bits = Vector256.Create(0UL, 0UL, 0UL, BinaryPrimitives.ReverseEndianness((ulong)length * 8)).AsByte();
        return ((low & Vector256.LessThan(first, n)) | (Vector256.Equals(first, n) & end),
                (high & Vector256.LessThan(second, n)) | (Vector256.Equals(second, n) & end) | bits);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Vector256<byte> Low, Vector256<byte> High) CopiedBlock(ReadOnlySpan<byte> message)
    {
        Span<byte> block = stackalloc byte[64];
        message.CopyTo(block);
        return (Vector256.Create<byte>(block), Vector256.Create<byte>(block[32..]));
    }

    /// <summary>Reverses the bytes of each 32-bit word (big-endian words to little-endian and back).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> SwapBytes(Vector256<byte> x) =>
        Vector256.Shuffle(x, Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 19, 18, 17, 16, 23, 22, 21, 20, 27, 26, 25, 24, 31, 30, 29, 28));

    /// <summary>Transposes eight vectors of eight 32-bit words in place (rows become columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Span<Vector256<uint>> rows)
    {
        var t0 = Avx2.UnpackLow(rows[0], rows[1]);
        var t1 = Avx2.UnpackHigh(rows[0], rows[1]);
        var t2 = Avx2.UnpackLow(rows[2], rows[3]);
        var t3 = Avx2.UnpackHigh(rows[2], rows[3]);
        var t4 = Avx2.UnpackLow(rows[4], rows[5]);
        var t5 = Avx2.UnpackHigh(rows[4], rows[5]);
        var t6 = Avx2.UnpackLow(rows[6], rows[7]);
        var t7 = Avx2.UnpackHigh(rows[6], rows[7]);
        var u0 = Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u1 = Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u2 = Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u3 = Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u4 = Avx2.UnpackLow(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u5 = Avx2.UnpackHigh(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u6 = Avx2.UnpackLow(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        var u7 = Avx2.UnpackHigh(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        rows[0] = Avx2.Permute2x128(u0, u4, 0x20);
        rows[1] = Avx2.Permute2x128(u1, u5, 0x20);
        rows[2] = Avx2.Permute2x128(u2, u6, 0x20);
        rows[3] = Avx2.Permute2x128(u3, u7, 0x20);
        rows[4] = Avx2.Permute2x128(u0, u4, 0x31);
        rows[5] = Avx2.Permute2x128(u1, u5, 0x31);
        rows[6] = Avx2.Permute2x128(u2, u6, 0x31);
        rows[7] = Avx2.Permute2x128(u3, u7, 0x31);
    }

    // Where AVX-512VL is there, each of the three-input functions below is one vpternlogd (its truth table as the
    // immediate: a = 0xF0, b = 0xCC, c = 0xAA) instead of two to five instructions: a third fewer per round.

    /// <summary>a ^ b ^ c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Xor(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(a, b, c, 0x96) : a ^ b ^ c;

    /// <summary>Ch: where e is set, f; elsewhere g.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(e, f, g, 0xCA) : (e & f) ^ Vector256.AndNot(g, e);

    /// <summary>Maj: each bit set in at least two of a, b and c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(a, b, c, 0xE8) : (a & b) ^ (a & c) ^ (b & c);

    /// <summary>One instruction (<c>vprord</c>) where AVX-512VL has it, instead of two shifts and an OR.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [System.Diagnostics.CodeAnalysis.ConstantExpected] byte n) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(x, n)
            : Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}
