using System.Collections.Concurrent;
using FinCloud.Core;
using FinCloud.Core.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.Deadlines;

/// <summary>Deadlines a test sets per organisation, served through the real <see cref="IDeadlineSource"/> contract.</summary>
public sealed class TestDeadlines
{
    private readonly ConcurrentDictionary<Guid, List<Deadline>> _byOrganization = new();

    public void Set(Guid organizationId, params Deadline[] deadlines) => _byOrganization[organizationId] = [.. deadlines];

    public IReadOnlyList<Deadline> For(Guid? organizationId) =>
        organizationId is { } id && _byOrganization.TryGetValue(id, out var list) ? list : [];

    /// <summary>
    /// Services for an app with only these deadlines (the modules' own sources are removed, so the demo data's
    /// deadlines do not mix in) and read on every call, a fake clock, mail dropped in a folder and no scheduler.
    /// </summary>
    public static (TestDeadlines Deadlines, FakeTimeProvider Clock, Action<IServiceCollection> Services) Create(DateTimeOffset now)
    {
        var deadlines = new TestDeadlines();
        var clock = new FakeTimeProvider(now);
        return (deadlines, clock, services =>
        {
            services.RemoveAll<IDeadlineSource>();
            // These deadlines change without audit events, so the board must read them on every call.
            services.RemoveAll<DeadlineSnapshots>();
            services.AddSingleton(deadlines);
            services.AddSingleton<TimeProvider>(clock);
            services.AddDeadlineSource<Source>();
        });
    }

    private sealed class Source(TestDeadlines deadlines) : IDeadlineSource
    {
        public Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(FinCloudDbContext db, CancellationToken ct) =>
            Task.FromResult(deadlines.For(db.Tenant.OrganizationId));
    }
}
