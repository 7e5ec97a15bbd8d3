using System.Text;
using System.Text.Unicode;
using FinCloud.Scanner.Inputs;
using FsCheck.Xunit;

namespace FinCloud.Scanner.Tests.Inputs;

/// <summary>The vectorised UTF-8 check must give the runtime's verdict on every input, valid or not.</summary>
public sealed class Utf8ValidationTests
{
    private static readonly string[] Pieces = ["a", "0", "\n", "가", "한국어", "é", "€", "😀", "０", "－", "\u07FF", "\uFFFD", "\U0010FFFF", "\uE000"];

    /// <summary>Text of mixed widths, long enough to cross several 32-byte blocks, then one byte changed, cut or added.</summary>
    private static byte[] Mutated(Random random, out bool mutated)
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 60);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        mutated = random.Next(4) != 0;
        if (mutated)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(0x80, 0x100));
                    break;
            }
        }

        return [.. bytes];
    }

    [Property(MaxTest = 2000)]
    public bool Agrees_with_the_runtime_on_text_with_one_byte_changed(int seed)
    {
        var bytes = Mutated(new Random(seed), out _);
        return Utf8Validation.IsValid(bytes) == Utf8.IsValid(bytes);
    }

    [Property(MaxTest = 2000)]
    public bool Agrees_with_the_runtime_on_random_bytes(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);

        // Mostly high bytes make the interesting cases (leads, continuations) common.
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] |= (byte)(random.Next(3) == 0 ? 0 : 0x80);
        }

        return Utf8Validation.IsValid(bytes) == Utf8.IsValid(bytes);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })]              // overlong two-byte NUL
    [InlineData(new byte[] { 0xC1, 0xBF })]              // overlong two-byte
    [InlineData(new byte[] { 0xE0, 0x9F, 0xBF })]        // overlong three-byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]        // surrogate D800
    [InlineData(new byte[] { 0xF0, 0x8F, 0xBF, 0xBF })]  // overlong four-byte
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]  // above U+10FFFF
    [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]  // lead byte never used
    [InlineData(new byte[] { 0x80 })]                    // lone continuation
    [InlineData(new byte[] { 0xEA, 0xB0 })]              // 가 cut short at the end
    [InlineData(new byte[] { 0xEF, 0xBC })]              // full-width digit cut short
    public void Rejects_malformed_sequences_at_any_offset(byte[] sequence)
    {
        for (var offset = 0; offset < 70; offset++)
        {
            var text = Enumerable.Repeat((byte)'a', offset).Concat(sequence).ToArray();
            Utf8Validation.IsValid(text).ShouldBeFalse($"at offset {offset}");
            Utf8.IsValid(text).ShouldBeFalse();
        }
    }

    [Fact]
    public void Accepts_every_width_across_block_boundaries()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("주민번호 ９００１０１－１２３４５６７ é € 😀 \U0010FFFF\n", 50)));
        for (var cut = 0; cut < 40; cut++)
        {
            var tail = text[cut..];
            Utf8Validation.IsValid(tail).ShouldBe(Utf8.IsValid(tail), $"cut {cut}");
        }

        Utf8Validation.IsValid(text).ShouldBeTrue();
    }
}
