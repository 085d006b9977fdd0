/**
 * The list health plugin: a weekly count of the list by subscription status with a bounce-rate alert. It is the
 * example that {@code docs/plugins/writing-a-plugin.md} builds step by step, and it ships with the CRM.
 */
@NullMarked
package org.grassroots.plugins.listhealth;

import org.jspecify.annotations.NullMarked;
