using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace FinCloud.Core.Persistence;

/// <summary>
/// A transaction a handler opens, or the one it already runs in (an API request with an <c>Idempotency-Key</c> runs in
/// one, so its stored response commits with the write): committing a joined transaction is left to its owner.
/// </summary>
public sealed class JoinableTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private JoinableTransaction(IDbContextTransaction? owned) => _owned = owned;

    public Task CommitAsync(CancellationToken ct) => _owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    internal static async Task<JoinableTransaction> BeginAsync(DatabaseFacade database, CancellationToken ct) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(ct) : null);
}

public static class JoinableTransactionExtensions
{
    public static Task<JoinableTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        return JoinableTransaction.BeginAsync(database, ct);
    }
}
