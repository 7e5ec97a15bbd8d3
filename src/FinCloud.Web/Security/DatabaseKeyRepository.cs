using System.Xml.Linq;
using FinCloud.Core;
using FinCloud.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Security;

/// <summary>
/// Data-protection keys in the app's database (<c>DataProtectionKeys</c>): every instance behind the load balancer reads
/// the same key ring, so a cookie or anti-forgery token from one instance is valid on all and after restarts.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.DataProtectionKeys.Add(DataProtectionKey.Of(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}

public static class DatabaseKeyRepositoryExtensions
{
    public static IDataProtectionBuilder PersistKeysToFinCloudDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseKeyRepository(scopes));
        return builder;
    }
}
