using System.Security.Cryptography;
using FinCloud.Scanner.Detection;
using FsCheck.Xunit;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>The batched SHA-256 must give the library's digest for every message, whatever the batch.</summary>
public sealed class Sha256BatchTests
{
    [Property(MaxTest = 500)]
    public void Every_digest_equals_the_library_digest(int seed)
    {
        var random = new Random(seed);

        // Up to three batches of eight and a part; lengths around the one-block limit (55) and past it.
        var messages = new (int Offset, int Length)[random.Next(1, 28)];
        var data = new byte[messages.Length * 80];
        random.NextBytes(data);
        var offset = 0;
        for (var i = 0; i < messages.Length; i++)
        {
            var length = random.Next(4) == 0 ? random.Next(50, 80) : random.Next(0, 40);
            messages[i] = (offset, length);
            offset += length;
        }

        // Whole blocks are read past a message where the data runs on; where it ends within 64 bytes they are copied.
        var hashes = new byte[messages.Length * 32];
        Sha256Batch.HashAll(random.Next(2) == 0 ? data : data.AsSpan(0, offset), messages, hashes);

        for (var i = 0; i < messages.Length; i++)
        {
            var (start, length) = messages[i];
            hashes.AsSpan(i * 32, 32).ToArray().ShouldBe(SHA256.HashData(data.AsSpan(start, length)), $"message {i}, {length} bytes");
        }
    }
}
