namespace FinCloud.Migrations.Postgres;
internal static class AssemblyMarker;
