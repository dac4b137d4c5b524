using System.Text;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Infrastructure.Persistence;

/// <summary>The PostgreSQL source of truth. Options-only constructor, so the context can be pooled.</summary>
public sealed class FastBookingDb(DbContextOptions<FastBookingDb> options) : DbContext(options)
{
    public DbSet<BusinessRow> Businesses => Set<BusinessRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<StaffRow> Staff => Set<StaffRow>();
    public DbSet<ServiceRow> Services => Set<ServiceRow>();
    public DbSet<ServiceStaffRow> ServiceStaff => Set<ServiceStaffRow>();
    public DbSet<WeeklyRangeRow> WeeklyRanges => Set<WeeklyRangeRow>();
    public DbSet<TimeOffRow> TimeOff => Set<TimeOffRow>();
    public DbSet<DateOverrideRow> DateOverrides => Set<DateOverrideRow>();
    public DbSet<AppointmentRow> Appointments => Set<AppointmentRow>();
    public DbSet<AppointmentHistoryRow> AppointmentHistory => Set<AppointmentHistoryRow>();
    public DbSet<IdempotencyRow> IdempotencyRecords => Set<IdempotencyRow>();
    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();
    public DbSet<HoldRow> Holds => Set<HoldRow>();
    public DbSet<ParkedRow> Parked => Set<ParkedRow>();
    public DbSet<WebhookRow> Webhooks => Set<WebhookRow>();
    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();
    public DbSet<ReadModelSourceRow> ReadModelSource => Set<ReadModelSourceRow>();
    public DbSet<ResourceKindRow> ResourceKinds => Set<ResourceKindRow>();
    public DbSet<ResourceUnitRow> ResourceUnits => Set<ResourceUnitRow>();
    public DbSet<ResourceOutageRow> ResourceOutages => Set<ResourceOutageRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        // The schema itself is written by the migrations (SQL); this maps the same tables.
        b.Entity<BusinessRow>().ToTable("businesses");
        b.Entity<ApiKeyRow>().ToTable("api_keys");
        b.Entity<StaffRow>().ToTable("staff");
        b.Entity<ServiceRow>().ToTable("services").HasMany(s => s.Staff).WithOne().HasForeignKey(s => s.ServiceId);
        b.Entity<ServiceStaffRow>().ToTable("service_staff").HasKey(s => new { s.ServiceId, s.StaffId });
        b.Entity<WeeklyRangeRow>().ToTable("weekly_ranges");
        b.Entity<TimeOffRow>().ToTable("time_off");
        b.Entity<DateOverrideRow>().ToTable("date_overrides").HasKey(o => new { o.StaffId, o.Date });
        b.Entity<AppointmentRow>().ToTable("appointments");
        b.Entity<AppointmentHistoryRow>().ToTable("appointment_history");
        b.Entity<IdempotencyRow>().ToTable("idempotency_records").HasKey(i => new { i.BusinessId, i.Key });
        b.Entity<OutboxRow>().ToTable("outbox");
        b.Entity<OutboxRow>().Property(o => o.Payload).HasColumnType("jsonb");
        b.Entity<HoldRow>().ToTable("holds").HasKey(h => h.Token);
        b.Entity<ParkedRow>().ToTable("projector_parked").HasKey(p => p.OutboxId);
        b.Entity<ParkedRow>().Property(p => p.OutboxId).ValueGeneratedNever();
        b.Entity<ParkedRow>().Property(p => p.Payload).HasColumnType("jsonb");
        b.Entity<WebhookRow>().ToTable("webhooks");
        b.Entity<WebhookDeliveryRow>().ToTable("webhook_deliveries");
        b.Entity<ReadModelSourceRow>().ToTable("read_model_source").HasKey(r => r.One);
        b.Entity<ResourceKindRow>().ToTable("resource_kinds").HasMany(k => k.Units).WithOne().HasForeignKey(u => u.KindId);
        b.Entity<ResourceUnitRow>().ToTable("resource_units");
        b.Entity<ResourceOutageRow>().ToTable("resource_outages");

        // Foreign keys, so that one SaveChanges inserts parents before children.
        b.Entity<ApiKeyRow>().HasOne<BusinessRow>().WithMany().HasForeignKey(k => k.BusinessId);
        b.Entity<StaffRow>().HasOne<BusinessRow>().WithMany().HasForeignKey(s => s.BusinessId);
        b.Entity<ServiceRow>().HasOne<BusinessRow>().WithMany().HasForeignKey(s => s.BusinessId);
        b.Entity<ServiceStaffRow>().HasOne<StaffRow>().WithMany().HasForeignKey(s => s.StaffId);
        b.Entity<WeeklyRangeRow>().HasOne<StaffRow>().WithMany().HasForeignKey(w => w.StaffId);
        b.Entity<TimeOffRow>().HasOne<StaffRow>().WithMany().HasForeignKey(t => t.StaffId);
        b.Entity<DateOverrideRow>().HasOne<StaffRow>().WithMany().HasForeignKey(o => o.StaffId);
        b.Entity<AppointmentHistoryRow>().HasOne<AppointmentRow>().WithMany().HasForeignKey(h => h.AppointmentId);
        b.Entity<WebhookRow>().HasOne<BusinessRow>().WithMany().HasForeignKey(w => w.BusinessId);
        b.Entity<ResourceKindRow>().HasOne<BusinessRow>().WithMany().HasForeignKey(k => k.BusinessId);
        b.Entity<ResourceOutageRow>().HasOne<ResourceUnitRow>().WithMany().HasForeignKey(o => o.UnitId);
        b.Entity<WebhookDeliveryRow>().HasOne<WebhookRow>().WithMany().HasForeignKey(d => d.WebhookId);

        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
