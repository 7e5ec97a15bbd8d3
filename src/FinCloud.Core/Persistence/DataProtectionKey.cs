using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Persistence;

/// <summary>
/// One ASP.NET Core data-protection key (XML) of the web app, shared by every app instance on the database, so that
/// sign-in cookies and anti-forgery tokens issued by one instance are read by the others and survive restarts.
/// Belongs to no organisation.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; private init; }

    public string? FriendlyName { get; private init; }

    public string Xml { get; private init; } = "";

    public static DataProtectionKey Of(string? friendlyName, string xml) => new() { FriendlyName = friendlyName, Xml = xml };
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
