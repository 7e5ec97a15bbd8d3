using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinCloud.Core;
using FinCloud.Core.ApiAccess;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinCloud.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program) on a fresh database of one provider, demo data seeded with one random password.
/// Share one per test class where tests do not disturb each other.
/// </summary>
public sealed class FinCloudApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly bool _keepData;

    /// <summary>A clock the test drives (a <c>FakeTimeProvider</c>), replacing the system clock; null keeps the system clock.</summary>
    private readonly TimeProvider? _clock;

    private FinCloudApp(string provider, string connectionString, string dataDirectory, bool kestrel, bool keepData, TimeProvider? clock = null)
    {
        _keepData = keepData;
        _clock = clock;
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    /// <summary>Everything the app logged at Information or above.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Every demo user's password in this app; random per app, never a constant in the repository.</summary>
    public string DemoPassword { get; private set; } = "Aa1!" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Replaces or adds services after the app's own (a test deadline source, a mail sender).</summary>
    public Action<IServiceCollection>? TestServices { get; private init; }

    /// <summary>Extra settings, e.g. <c>Jobs:Enabled</c> or <c>Mail:DropDirectory</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private init; } = new Dictionary<string, string>();

    public static async Task<FinCloudApp> StartAsync(
        string provider, bool kestrel = false, TimeProvider? clock = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (connectionString, data) = await Databases.CreateAsync(provider);
        var app = new FinCloudApp(provider, connectionString, data, kestrel, keepData: false, clock)
        {
            TestServices = services,
            Settings = settings ?? new Dictionary<string, string>(),
        };
        app.StartServer();
        return app;
    }

    /// <summary>Names a database without starting anything, for <see cref="Start"/>.</summary>
    public static FinCloudApp Describe(string provider, string connectionString, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null) =>
        new(provider, connectionString, dataDirectory, kestrel: false, keepData: true) { Settings = settings ?? new Dictionary<string, string>() };

    /// <summary>Another instance on an existing database (a restart, or a second instance); it leaves the data folder alone.</summary>
    public static FinCloudApp Start(FinCloudApp existing, string? demoPassword = null)
    {
        var app = new FinCloudApp(existing.Provider, existing.ConnectionString, existing.DataDirectory, kestrel: false, keepData: true, existing._clock)
        {
            DemoPassword = demoPassword ?? existing.DemoPassword,
            TestServices = existing.TestServices,
            Settings = existing.Settings,
        };

        app.StartServer();
        return app;
    }

    /// <summary>The loopback address of the Kestrel server (apps started with <c>kestrel: true</c>).</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:FinCloud", ConnectionString);
        builder.UseSetting("Data:Directory", DataDirectory);
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Banner", "false");
        // Tests that count the FSS inbox start it empty; DemoReportTests turns the demo's report on.
        builder.UseSetting("Demo:Activity", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(level => level >= LogLevel.Information));
        // Outside Development the framework's blazor.web.js is only found in published output, unless asked.
        builder.UseStaticWebAssets();
        // Many tests sign the same demo users in from one address within a minute; rate-limit tests set their own budgets.
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<FinCloudDbContext, Task<T>> work, Guid? organizationId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        if (organizationId is { } id)
        {
            db.Tenant.Enter(id, null, ActorKind.System);
        }

        return await work(db);
    }

    public Task<Guid> OrganizationIdAsync(string nameKo) =>
        WithDbAsync(db => db.Organizations.Where(o => o.NameKo == nameKo).Select(o => o.Id).SingleAsync());

    /// <summary>A new financial institution with its creation audited: a tenant no other test touches.</summary>
    public async Task<Guid> CreateOrganizationAsync()
    {
        var id = await WithDbAsync(async db =>
        {
            var o = Organization.FinancialInstitution("테스트은행 " + Guid.NewGuid().ToString("N")[..6], "Test Bank", InstitutionSector.Bank, db.Clock.GetUtcNow());
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        await WithDbAsync(db =>
        {
            db.Audit(Core.Audit.AuditEventType.OrganizationCreated, nameof(Organization), id);
            return db.SaveChangesAsync();
        }, id);
        return id;
    }

    /// <summary>A new member of <paramref name="organizationId"/> who signs in with <paramref name="password"/>.</summary>
    public async Task<(Guid Id, string Email)> CreateMemberAsync(Guid organizationId, OrganizationRole role, string password, string displayName = "테스트 구성원", string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@member.example";
        var user = new FinCloudUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<FinCloudUser>>().CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(Membership.Grant(user.Id, role, db.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return (user.Id, email);
    }

    public Task<Guid> BankAsync() => OrganizationIdAsync("한빛은행");

    public Task<Guid> SecuritiesFirmAsync() => OrganizationIdAsync("새벽증권");

    /// <summary>Creates an API key of the organisation (audited like any other) and returns its secret.</summary>
    public Task<(Guid Id, string Secret)> CreateApiKeyAsync(Guid organizationId, OrganizationRole role = OrganizationRole.Administrator) =>
        WithDbAsync(async db =>
        {
            var (key, secret) = ApiKey.Create("test " + role, role, db.Clock.GetUtcNow());
            db.ApiKeys.Add(key);
            db.Audit(Core.Audit.AuditEventType.ApiKeyCreated, nameof(ApiKey), key.Id);
            await db.SaveChangesAsync();
            return (key.Id, secret);
        }, organizationId);

    public HttpClient ApiClient(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepData)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>One app per provider, created on first use and shared by the tests of a class.</summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly Dictionary<string, Task<FinCloudApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<FinCloudApp> GetAsync(string provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = FinCloudApp.StartAsync(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}
